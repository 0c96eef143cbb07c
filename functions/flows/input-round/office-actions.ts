/**
 * What whoever started an input round does with it while it runs (a cycle whose phase it is): move
 * its deadline, or stop it. Each is one conditional write that takes the parked workflow's token,
 * so the workflow looks again at once (new reminder moments, or the end), and one record.
 */
import { mutateVersioned } from '../../engine/versioned-write';
import { ConflictError, ValidationError } from '../../platform/errors';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { loadInput } from './input-access';
import type { InputRound } from './input-round';
import type { InputRoundDeps } from './ports';

const auditKey = (round: InputRound, what: string) => `v${String(round.version).padStart(6, '0')}:${what}`;

/** Change an open round and wake its workflow; a closed one is refused (409) and stays as it is. */
async function changeOpen(deps: InputRoundDeps, id: string, change: (r: InputRound) => InputRound | null) {
  const changed = await mutateVersioned(
    { load: (x) => loadInput(deps, x), save: (n, v, o) => deps.inputs.save(n, v, o) },
    id,
    (r) => {
      if (r.status !== 'open') throw new ConflictError('this input round is closed');
      return change(r);
    },
    { takeToken: () => true, maxAttempts: 30 },
  );
  // Nothing to change (the deadline is that date already): nothing written, nobody woken.
  if (!changed) {
    const round = await loadInput(deps, id);
    return { before: round, after: round };
  }
  const { before, after, takenToken } = changed;
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'office-change' });
  return { before, after };
}

/**
 * A new deadline, earlier or later, as long as it is still to come and within the round's horizon
 * from its start. The reminder moments are keyed by the deadline, so the new one has its own; one
 * that has passed already is sent at once, which tells the silent partners the new date.
 */
export async function moveInputDeadline(
  deps: InputRoundDeps,
  id: string,
  deadline: string,
  actor: string,
): Promise<InputRound> {
  const now = deps.now();
  if (!(Date.parse(deadline) > now.getTime()))
    throw new ValidationError({ deadline: 'the deadline must lie in the future' });
  const round = await loadInput(deps, id);
  if (!withinDays(deadline, round.createdAt, HORIZON_DAYS.inputDeadline))
    throw new ValidationError({
      deadline: `the deadline must lie within ${HORIZON_DAYS.inputDeadline} days of the start`,
    });
  const iso = new Date(deadline).toISOString();
  const { before, after } = await changeOpen(deps, id, (r) =>
    r.deadline === iso ? null : { ...r, deadline: iso, version: r.version + 1 },
  );
  if (after !== before)
    await deps.inputs.appendAudit(id, {
      key: auditKey(after, 'moved'),
      at: now.toISOString(),
      kind: 'moved',
      actor,
      details: { from: before.deadline, to: after.deadline },
    });
  return after;
}

/**
 * Stop the round: it closes now, without the summary to the office or action items for the silent
 * partners (nothing is asked of them any more), and the reminders queued for them are dropped when
 * their moment comes (the reminder budget reads the round again).
 */
export async function cancelInputRound(deps: InputRoundDeps, id: string, reason: string, actor: string) {
  const at = deps.now().toISOString();
  const { after } = await changeOpen(deps, id, (r) => ({
    ...r,
    status: 'closed',
    closedAt: at,
    cancelled: { by: actor, at, reason },
    version: r.version + 1,
  }));
  await deps.inputs.appendAudit(id, {
    key: auditKey(after, 'cancelled'),
    at,
    kind: 'cancelled',
    actor,
    details: { reason },
  });
  return after;
}
