/**
 * The office changes a cycle it started: moves a phase's dates, skips one, adds one, or cancels the
 * cycle. Each change is made on the version the office user read (`version` in the request): when
 * someone else changed the cycle since, it is refused with 409 and nothing changes, so two office
 * users never overwrite each other. The write itself is conditional on that version too (store.ts).
 * A refused change (CycleRefused, 400) changes nothing either: the plan's functions are pure.
 */
import { addPhase } from './add-phase';
import { type Changed, movePhase, skipPhase } from './changes';
import { type Cycle, isOpen } from './cycle';
import { audit, auditKey, type CycleDeps, loadCycle } from './office';
import { CycleConflict, refuseIf } from './refused';
import { allEnded } from './run';
import type { AddPhaseRequest, CancelCycle, ChangePhaseRequest, MarkPhaseDone } from './schemas';
import { conflictWords, say } from './texts';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';

/**
 * The most changes a cycle takes: the plan and its change records are one DynamoDB item (at most
 * 400 KB), and 200 added phases with their records stay well under it.
 */
export const MAX_CHANGES = 200;

/** The cycle at the version the caller read, still open and not full; else the 409 that says why not. */
async function openAt(deps: CycleDeps, id: string, version: number, change = true): Promise<Cycle> {
  const cycle = await loadCycle(deps, id);
  if (!isOpen(cycle)) throw new CycleConflict(conflictWords.nl.ended, conflictWords.en.ended);
  if (cycle.version !== version) throw stale(cycle.version);
  if (change && cycle.plan.changes.length >= MAX_CHANGES)
    throw new CycleConflict(conflictWords.nl.full(MAX_CHANGES), conflictWords.en.full(MAX_CHANGES));
  return cycle;
}

const stale = (now: number) => new CycleConflict(conflictWords.nl.stale(now), conflictWords.en.stale(now));

/**
 * Write `next` if the cycle is still at `before`'s version; a writer in between makes it a 409. The
 * write takes the parked workflow's token, so the cycle's workflow looks at once (a phase marked
 * done starts what waits for it now, not at tomorrow's check).
 */
async function saveOver(deps: CycleDeps, before: Cycle, next: Cycle): Promise<Cycle> {
  const saved = await deps.cycles.save(next, before.version, { takeToken: true });
  if (!saved.ok) throw stale((await loadCycle(deps, before.id)).version);
  if (saved.takenToken) await deps.workflow.resume(saved.takenToken, { reason: 'office-change' });
  return next;
}

async function applied(deps: CycleDeps, cycle: Cycle, { plan, change }: Changed): Promise<Cycle> {
  // As far ahead as a cycle may plan when it starts (office.ts): a move or an added phase no further.
  const limit = HORIZON_DAYS.cycleAnchor + HORIZON_DAYS.cyclePlan;
  const far = plan.phases.find((p) => !p.skipped && !withinDays(p.due, deps.now(), limit));
  refuseIf(far ? [say(far.key === change.phase ? 'due' : `phases.${far.key}.due`, 'anchorFar', String(limit))] : []);
  const next = await saveOver(deps, cycle, { ...cycle, plan, version: cycle.version + 1 });
  const key = auditKey(next.version, `${change.kind}:${change.phase}`);
  await audit(deps, cycle.id, key, `phase-${change.kind}`, change.by, change);
  return next;
}

/** Move a phase's dates or skip it (POST /api/cycles/{id}/phases/{key}). */
export async function changePhase(
  deps: CycleDeps,
  id: string,
  key: string,
  req: ChangePhaseRequest,
  actor: string,
): Promise<Cycle> {
  const cycle = await openAt(deps, id, req.version);
  // A skipped phase's running round or action item is stopped by the workflow's step (flow-sync.ts), woken by this change.
  const ctx = { by: actor, now: deps.now(), facts: cycle.facts };
  const changed =
    req.action === 'move'
      ? movePhase(cycle.plan, { key, start: req.start, due: req.due, reason: req.reason }, ctx)
      : skipPhase(cycle.plan, { key, reason: req.reason, instead: req.instead }, ctx);
  return applied(deps, cycle, changed);
}

/** Add a phase, such as a reporting obligation after the award; its role must have someone already. */
export async function addCyclePhase(deps: CycleDeps, id: string, req: AddPhaseRequest, actor: string): Promise<Cycle> {
  const cycle = await openAt(deps, id, req.version);
  const { version: _, ...phase } = req;
  const changed = addPhase(cycle.plan, phase, { by: actor, now: deps.now(), facts: cycle.facts });
  refuseIf(cycle.assignments[phase.role] ? [] : [say('role', 'roleUnassigned')]);
  return applied(deps, cycle, changed);
}

/** A phase whose round or action item still runs: it ends with that flow (handed back or refused: the office decides). */
const runsItsOwnFlow = (f: Cycle['facts'][string] | undefined) =>
  Boolean(f?.flow && !f.doneAt && !f.returnedAt && !f.refused);

/**
 * The office marks a phase done that has no flow of its own (an agenda item, a publication, resident
 * input), or one whose flow was handed back or refused: POST /api/cycles/{id}/phases/{key}/done.
 */
export async function markPhaseDone(
  deps: CycleDeps,
  id: string,
  key: string,
  req: MarkPhaseDone,
  actor: string,
): Promise<Cycle> {
  const cycle = await openAt(deps, id, req.version, false);
  const phase = cycle.plan.phases.find((p) => p.key === key);
  refuseIf(phase ? [] : [say('key', 'unknownPhase')]);
  const f = cycle.facts[key] ?? {};
  refuseIf(phase?.skipped ? [say('key', 'skipped')] : f.doneAt ? [say('key', 'done')] : []);
  refuseIf(f.startedAt ? [] : [say('key', 'notStarted')]);
  refuseIf(runsItsOwnFlow(f) ? [say('key', 'ownFlow')] : []);
  const at = deps.now().toISOString();
  const facts = { ...cycle.facts, [key]: { ...f, doneAt: at, doneBy: actor, ...(req.note ? { note: req.note } : {}) } };
  const status = allEnded({ plan: cycle.plan, facts }) ? 'done' : cycle.status;
  const next = await saveOver(deps, cycle, { ...cycle, facts, status, version: cycle.version + 1 });
  await audit(deps, id, auditKey(next.version, `done:${key}`), 'phase-done', actor, { phase: key, note: req.note });
  if (next.status === 'done') await audit(deps, id, auditKey(next.version, 'done'), 'done', actor);
  return next;
}

/** Cancel the cycle: it stays on record with who cancelled it, when and why. */
export async function cancelCycle(deps: CycleDeps, id: string, req: CancelCycle, actor: string): Promise<Cycle> {
  // A cycle full of changes can still be cancelled.
  const cycle = await openAt(deps, id, req.version, false);
  const at = deps.now().toISOString();
  const cancelled = { by: actor, at, reason: req.reason };
  const next = await saveOver(deps, cycle, {
    ...cycle,
    status: 'cancelled',
    cancelled,
    version: cycle.version + 1,
  });
  await audit(deps, id, auditKey(next.version, 'cancelled'), 'cancelled', actor, { reason: req.reason });
  return next;
}
