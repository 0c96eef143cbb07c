/**
 * The flows a cycle's phases start, reached only through their own exported use cases: an action
 * item (follow-up) for a task or report, an input round to the partners or the residents, an approval round of the
 * board or, with the consent rule, of the kerngroep, a public consultation (inspraak). Each is created under an Idempotency-Key made
 * of the cycle and the phase, so its id derives from them and a retried step finds it again.
 */
import { moveFlow, stopFlow } from './flow-changes';
import type { FlowState, PhaseFlows, StartRequest } from './run';
import type { FlowKind } from './status';
import type { Directory } from '../../engine/ports';
import { ValidationError } from '../../platform/errors';
import { createApprovalRound, loadRound, type Round, roundDeps } from '../approval-round';
import { createFollowUp, followUpDeps, loadItem } from '../follow-up';
import { consultationDeps, phaseConsultationState, startPhaseConsultation } from '../consultation';
import { createInputRound, type InputRound, inputRoundDeps, loadInputRound } from '../input-round';
import { readAgendaItem, startAgendaItem } from './phase-agenda';

/** A reminder three days before the due date, when that is still to come (earlier ones are refused). */
const REMINDER = 'P3D';
const remindersFor = (due: string, now: Date) => (Date.parse(due) - now.getTime() > 4 * 86400_000 ? [REMINDER] : []);

/** The board and the kerngroep by their kind in the directory, so no body's id is written in code. */
async function bodyOfKind(directory: Pick<Directory, 'listBodies'>, kind: 'board' | 'core-group'): Promise<string> {
  const body = (await directory.listBodies()).find((b) => b.kind === kind && b.active !== false);
  // No such body: the other flow refuses the start, and the phase waits for the office.
  return body?.id ?? `(no ${kind})`;
}

async function start(kind: FlowKind, req: StartRequest, actor: string, key: string): Promise<string> {
  if (kind === 'agendaItem')
    return startAgendaItem(req, await bodyOfKind(followUpDeps().directory, 'board'), actor, key);
  if (kind === 'followUp') {
    const deps = followUpDeps();
    const owner = req.personIds[0]
      ? { ownerPersonId: req.personIds[0] }
      : { ownerOrganisationId: req.organisationIds[0] };
    const item = await createFollowUp(
      deps,
      {
        what: req.title,
        // The phase's questions (a trekker's: status, done, next, risks) reach the owner.
        details: req.request,
        origin: { kind: 'office', ref: req.ref },
        ...owner,
        due: req.due,
        bodyId: await bodyOfKind(deps.directory, 'core-group'),
      },
      actor,
      { idempotencyKey: key },
    );
    return item.id;
  }
  if (kind === 'consultation') {
    // The phase's ref is `cycle:<id>/<phase>`: the consultation keeps which step it is.
    const [cycleId, phaseKey] = req.ref.replace(/^cycle:/, '').split('/');
    const c = await startPhaseConsultation(
      consultationDeps(),
      { title: req.title, question: req.request, deadline: req.due, cycleId, phaseKey },
      actor,
      key,
    );
    return c.id;
  }
  if (kind === 'inputRound') {
    // Resident input asks the role's people, each answering for themselves; partner input the partners.
    const people = req.phaseKind === 'residentInput';
    if (people && !req.personIds.length) throw new ValidationError({ personIds: 'no people for this phase' });
    // The round's schema asks for at least one partner; the use case does not check it again.
    if (!people && !req.organisationIds.length)
      throw new ValidationError({ organisationIds: 'no partners for this phase' });
    const deps = inputRoundDeps();
    const round = await createInputRound(
      deps,
      {
        title: req.title,
        request: req.request,
        organisationIds: people ? [] : req.organisationIds,
        ...(people ? { personIds: req.personIds } : {}),
        deadline: req.due,
        reminders: remindersFor(req.due, deps.now()),
        escalate: false,
        bodyId: await bodyOfKind(deps.directory, 'core-group'),
      },
      actor,
      key,
    );
    return round.id;
  }
  const deps = roundDeps();
  const consent = req.phaseKind === 'consentRound';
  const round = await createApprovalRound(
    deps,
    {
      title: req.title,
      summary: req.request,
      documents: [],
      bodyId: await bodyOfKind(deps.directory, consent ? 'core-group' : 'board'),
      rule: consent ? { type: 'consent' } : { type: 'majority' },
      deadline: req.due,
      reminders: remindersFor(req.due, deps.now()),
    },
    actor,
    key,
  );
  return round.id;
}

async function read(kind: FlowKind, id: string): Promise<FlowState> {
  if (kind === 'agendaItem') return readAgendaItem(id);
  if (kind === 'followUp') {
    const item = await loadItem(followUpDeps(), id);
    const ended = item.status === 'done' ? 'done' : item.status === 'returned' ? 'returned' : null;
    // Items closed before they kept the moment: the cycle dates the phase by its own look.
    return { ended, due: item.due, ...(item.closedAt ? { at: item.closedAt } : {}) };
  }
  if (kind === 'inputRound') return inputRoundState(await loadInputRound(inputRoundDeps(), id));
  if (kind === 'consultation') return phaseConsultationState(consultationDeps(), id);
  return approvalRoundState(await loadRound(roundDeps(), id));
}

/** An input round's phase: done when it closed on its date; stopped before it, the office decides. */
export function inputRoundState(round: Pick<InputRound, 'status' | 'deadline' | 'closedAt' | 'cancelled'>): FlowState {
  if (round.status !== 'closed') return { ended: null, due: round.deadline };
  return { ended: round.cancelled ? 'returned' : 'done', at: round.closedAt };
}

/**
 * An approval round's phase: only an approval ends it as done. Rejected, without quorum or stopped,
 * what waits for it (the submission of an application the board turned down) must not start: the
 * phase is handed back, with the outcome, and the office decides.
 */
export function approvalRoundState(round: Pick<Round, 'status' | 'deadline' | 'closedAt' | 'outcome'>): FlowState {
  if (round.status !== 'closed') return { ended: null, due: round.deadline };
  return { ended: round.outcome === 'approved' ? 'done' : 'returned', at: round.closedAt, outcome: round.outcome };
}

export const phaseFlows = (): PhaseFlows => ({ start, read, move: moveFlow, stop: stopFlow });
