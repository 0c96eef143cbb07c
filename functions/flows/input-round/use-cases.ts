/**
 * Use cases of partner input rounds (uitvraag): create, let time act (reminders to partners
 * without an answer; at the deadline the summary to the office and, if the round says so,
 * an action item with the escalation ladder for each partner that did not answer), and the
 * partner's answer through their contact's link.
 */
import { HORIZON_DAYS, remindersTooEarly, tooEarlyMessage, withinDays } from '../../platform/horizons';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Organisation, Person } from '../../engine/directory';
import { NotFoundError, ValidationError } from '../../platform/errors';
import {
  advanceInputRound,
  InputRejected,
  nextInputWake,
  pendingPartners,
  recordInput,
  type InputAnswerKind,
  type InputRound,
} from './input-round';
import { inputReceiptMail, inputRequestMail, inputSummaryMail } from './emails';
import { checkFormProof, formProof, signLink, verifyLink } from '../../platform/link-token';
import { ZONE } from '../../platform/time';
import { addWorkingDays } from '../../platform/working-days';
import { createFollowUp, type FollowUpDeps } from '../follow-up';
import { queueOnceVia, sendAndRecordVia, sendOnceVia } from '../../engine/mail-ledger';
import { mutateVersioned } from '../../engine/versioned-write';
import { parkOrWake, waitPlan, type WaitPlan } from '../../engine/workflow-wait';
import type { VersionedDocs } from '../../engine/ports';

export type InputRoundStore = VersionedDocs<InputRound, InputRound['status']>;

export interface InputRoundDeps extends Omit<FollowUpDeps, 'items' | 'workflow'> {
  inputs: InputRoundStore;
  workflow: FollowUpDeps['workflow'] & { startInputRound(id: string): Promise<void> };
  followUps: FollowUpDeps;
}

const FORM_MAX_AGE_SECONDS = 12 * 3600;
/** Partners that did not answer get an action item due this many working days after the deadline. */
const ESCALATION_GRACE_WORKING_DAYS = 2;

async function loadInput(deps: InputRoundDeps, id: string): Promise<InputRound> {
  const round = await deps.inputs.get(id);
  if (!round) throw new NotFoundError('input round', id);
  return round;
}

function mutateInput(deps: InputRoundDeps, id: string, change: (r: InputRound) => InputRound | null) {
  return mutateVersioned(
    { load: (x) => loadInput(deps, x), save: (n, v, o) => deps.inputs.save(n, v, o) },
    id,
    change,
    { maxAttempts: 30 },
  );
}

export interface CreateInputRoundRequest {
  title: string;
  request: string;
  organisationIds: string[];
  deadline: string;
  reminders: string[];
  escalate: boolean;
  bodyId: string;
}

export async function createInputRound(
  deps: InputRoundDeps,
  req: CreateInputRoundRequest,
  actor: string,
): Promise<InputRound> {
  const now = deps.now();
  const fields: Record<string, string> = {};
  if (!(Date.parse(req.deadline) > now.getTime())) fields.deadline = 'the deadline must lie in the future';
  else if (!withinDays(req.deadline, now, HORIZON_DAYS.inputDeadline)) {
    fields.deadline = `the deadline must lie within ${HORIZON_DAYS.inputDeadline} days`;
  } else {
    const early = remindersTooEarly(req.reminders, req.deadline, now);
    if (early.length) fields.reminders = tooEarlyMessage(early);
  }
  const orgs = await deps.directory.listOrganisations();
  const unknown = [...new Set(req.organisationIds)].filter(
    (id) => !orgs.some((o) => o.id === id && o.active !== false && o.contactIds.length > 0),
  );
  if (unknown.length) fields.organisationIds = `unknown partners, or partners without a contact: ${unknown.join(', ')}`;
  if (!(await deps.directory.getBody(req.bodyId))) fields.bodyId = `there is no body with id "${req.bodyId}"`;
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const round: InputRound = {
    id: `u-${randomUUID()}`,
    title: req.title,
    request: req.request,
    organisationIds: [...new Set(req.organisationIds)],
    deadline: new Date(req.deadline).toISOString(),
    reminders: req.reminders,
    escalate: req.escalate,
    bodyId: req.bodyId,
    status: 'open',
    answers: {},
    remindersSent: [],
    createdAt: now.toISOString(),
    createdBy: actor,
    version: 1,
  };
  await deps.inputs.create(round);
  await deps.inputs.appendAudit(round.id, {
    key: 'v000001:created',
    at: now.toISOString(),
    kind: 'created',
    actor,
    details: { partners: round.organisationIds.length, deadline: round.deadline },
  });
  await deps.workflow.startInputRound(round.id);
  return round;
}

export async function contactsOf(
  deps: InputRoundDeps,
  orgIds: string[],
): Promise<{ org: Organisation; people: Person[] }[]> {
  const orgs = await deps.directory.listOrganisations();
  const out = [];
  for (const id of orgIds) {
    const org = orgs.find((o) => o.id === id);
    if (org)
      out.push({ org, people: (await deps.directory.getPeople(org.contactIds)).filter((p) => p.active && p.email) });
  }
  return out;
}

export async function answerLink(deps: InputRoundDeps, round: InputRound, personId: string): Promise<string> {
  const keys = await deps.linkKeys();
  const exp = Math.floor(Date.parse(round.deadline) / 1000) + deps.settings.linkGraceSeconds;
  return `${deps.settings.publicBaseUrl}/u/${signLink(keys, { typ: 'input', sub: round.id, pid: personId, exp })}`;
}

async function askPartners(deps: InputRoundDeps, round: InputRound, orgIds: string[]) {
  for (const { org, people } of await contactsOf(deps, orgIds)) {
    for (const p of people) {
      await sendOnceVia(deps, deps.inputs, round.id, `ask:${p.id}`, p, 'invite', async () =>
        inputRequestMail(
          round,
          { name: p.name, lang: p.lang },
          org.name,
          await answerLink(deps, round, p.id),
          'ask',
          deps.now(),
        ),
      );
    }
  }
}

/** Reminders go to the contacts' reminder budgets, which word them again (and drop them if answered) when they are sent. */
async function remindPartners(deps: InputRoundDeps, round: InputRound, orgIds: string[], keyPrefix: string) {
  for (const { people } of await contactsOf(deps, orgIds)) {
    for (const p of people) {
      await queueOnceVia(deps.reminders, deps.inputs, round.id, `${keyPrefix}:${p.id}`, {
        personId: p.id,
        kind: 'input',
        dueAt: deps.now().toISOString(),
        deadline: round.deadline,
      });
    }
  }
}

export async function openInput(deps: InputRoundDeps, id: string): Promise<{ sent: true }> {
  const round = await loadInput(deps, id);
  if (round.status === 'open') await askPartners(deps, round, round.organisationIds);
  return { sent: true };
}

/** Workflow step: reminders that fell due; at the deadline, the summary and the escalations. Safe to repeat. */
export async function advanceInput(deps: InputRoundDeps, id: string): Promise<WaitPlan> {
  const now = deps.now();
  const changed = await mutateInput(deps, id, (r) => {
    const next = advanceInputRound(r, now);
    return next === r ? null : next;
  });
  const round = changed?.after ?? (await loadInput(deps, id));
  if (round.status === 'open' && round.lastReminder) await remindInput(deps, round);
  if (round.status === 'closed') await closeInput(deps, round);
  const wake = nextInputWake(round) ?? now.toISOString();
  return waitPlan(round.status === 'closed', wake, round.version, now);
}

/** The reminder of the latest slot to the partners still silent, and on the timeline (once per slot). */
async function remindInput(deps: InputRoundDeps, round: InputRound): Promise<void> {
  const pending = pendingPartners(round);
  if (pending.length === 0) return;
  await remindPartners(deps, round, pending, `remind:${round.lastReminder}`);
  await deps.inputs.appendAudit(round.id, {
    key: `reminded:${round.lastReminder}`,
    at: deps.now().toISOString(),
    kind: 'reminded',
    actor: 'system',
    details: { slot: round.lastReminder, partners: pending.length },
  });
}

async function closeInput(deps: InputRoundDeps, round: InputRound): Promise<void> {
  // On the timeline before the summary goes out; a retried step finds it there already.
  const pending = pendingPartners(round).length;
  await deps.inputs.appendAudit(round.id, {
    key: 'closed',
    at: round.closedAt ?? deps.now().toISOString(),
    kind: 'closed',
    actor: 'system',
    details: { answered: round.organisationIds.length - pending, pending },
  });
  const orgs = await deps.directory.listOrganisations();
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  await sendOnceVia(deps, deps.inputs, round.id, 'summary:office', deps.settings.officeEmail, 'notice', async () =>
    inputSummaryMail(round, names),
  );
  if (!round.escalate) return;
  const due = DateTime.fromJSDate(addWorkingDays(round.deadline, ESCALATION_GRACE_WORKING_DAYS)).setZone(ZONE).toISO()!;
  for (const orgId of pendingPartners(round)) {
    // Claimed like an email, so a retried step makes one action item per partner.
    if (!(await deps.inputs.claimMail(round.id, `escalate:${orgId}`))) continue;
    const item = await createFollowUp(
      deps.followUps,
      {
        what: `${round.title} (${names.get(orgId) ?? orgId})`,
        origin: { kind: 'office', ref: round.id },
        ownerOrganisationId: orgId,
        due,
        bodyId: round.bodyId,
      },
      'system',
    );
    await deps.inputs.appendAudit(round.id, {
      key: `escalated:${orgId}`,
      at: deps.now().toISOString(),
      kind: 'escalated',
      actor: 'system',
      details: { organisationId: orgId, followUp: item.id },
    });
  }
}

export function parkInput(
  deps: InputRoundDeps,
  id: string,
  token: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  return parkOrWake(deps.inputs, deps.workflow, id, token, version, wakeAt);
}

export type InputLinkView =
  | { kind: 'invalid' }
  | { kind: 'closed'; round: InputRound; person: Person }
  | {
      kind: 'open';
      round: InputRound;
      person: Person;
      organisationId: string;
      proof: string;
      current?: InputAnswerKind;
    };

async function resolveInputLink(deps: InputRoundDeps, token: string) {
  const keys = await deps.linkKeys();
  const v = verifyLink(keys, token, Math.floor(deps.now().getTime() / 1000));
  if (!v.ok || v.claims.typ !== 'input') return null;
  const [round, person] = await Promise.all([deps.inputs.get(v.claims.sub), deps.directory.getPerson(v.claims.pid)]);
  if (!round || !person) return null;
  const org = (await deps.directory.listOrganisations()).find(
    (o) => round.organisationIds.includes(o.id) && o.contactIds.includes(person.id),
  );
  return org ? { round, person, organisationId: org.id, keys } : null;
}

export async function openInputLink(deps: InputRoundDeps, token: string): Promise<InputLinkView> {
  const r = await resolveInputLink(deps, token);
  if (!r) return { kind: 'invalid' };
  if (r.round.status !== 'open' || deps.now().getTime() >= Date.parse(r.round.deadline))
    return { kind: 'closed', round: r.round, person: r.person };
  const proof = formProof(
    r.keys,
    `${token}|${r.round.answers[r.organisationId]?.at ?? 'none'}`,
    Math.floor(deps.now().getTime() / 1000),
  );
  return {
    kind: 'open',
    round: r.round,
    person: r.person,
    organisationId: r.organisationId,
    proof,
    current: r.round.answers[r.organisationId]?.kind,
  };
}

export type InputFormResult =
  | InputLinkView
  | { kind: 'form-error'; view: Extract<InputLinkView, { kind: 'open' }>; errors: Record<string, string> }
  | { kind: 'recorded'; round: InputRound; person: Person };

export async function submitInput(
  deps: InputRoundDeps,
  token: string,
  form: Record<string, string | undefined>,
): Promise<InputFormResult> {
  const view = await openInputLink(deps, token);
  if (view.kind !== 'open') return view;
  const keys = await deps.linkKeys();
  // Bound to the answer the page showed: a form from before a newer answer cannot undo it.
  if (
    !form.proof ||
    checkFormProof(
      keys,
      `${token}|${view.round.answers[view.organisationId]?.at ?? 'none'}`,
      form.proof,
      Math.floor(deps.now().getTime() / 1000),
      FORM_MAX_AGE_SECONDS,
    ) === null
  ) {
    return { kind: 'form-error', view, errors: { proof: 'expired-form' } };
  }
  const kind = form.kind as InputAnswerKind;
  if (!['delivered', 'will-deliver', 'not-applicable'].includes(kind))
    return { kind: 'form-error', view, errors: { kind: 'choose' } };
  const date = /^\d{4}-\d{2}-\d{2}$/.test(form.date ?? '')
    ? (DateTime.fromISO(form.date!, { zone: ZONE }).set({ hour: 17 }).toUTC().toISO() ?? undefined)
    : undefined;
  if (kind === 'will-deliver' && date && !withinDays(date, deps.now(), HORIZON_DAYS.promisedDate)) {
    return { kind: 'form-error', view, errors: { date: 'date-too-far' } };
  }
  let changed;
  try {
    changed = await mutateInput(deps, view.round.id, (r) =>
      recordInput(
        r,
        view.organisationId,
        { kind, text: (form.text ?? '').slice(0, 2000), url: (form.url ?? '').slice(0, 500), date, by: view.person.id },
        deps.now(),
      ),
    );
  } catch (err) {
    if (!(err instanceof InputRejected)) throw err;
    if (err.reason === 'closed' || err.reason === 'not-asked')
      return { kind: 'closed', round: view.round, person: view.person };
    const field = { 'text-or-link-required': 'text', 'date-required': 'date', 'link-invalid': 'url' }[err.reason];
    return { kind: 'form-error', view, errors: { [field]: err.reason } };
  }
  const after = changed!.after;
  await deps.inputs.appendAudit(after.id, {
    key: `v${String(after.version).padStart(6, '0')}:answered`,
    at: deps.now().toISOString(),
    kind: 'answered',
    actor: view.person.id,
    details: { organisationId: view.organisationId, kind },
  });
  await sendAndRecordVia(
    deps,
    deps.inputs,
    after.id,
    `receipt:v${after.version}:${view.person.id}`,
    view.person,
    'receipt',
    inputReceiptMail(after, { name: view.person.name, lang: view.person.lang }, kind),
  );
  return { kind: 'recorded', round: after, person: view.person };
}
