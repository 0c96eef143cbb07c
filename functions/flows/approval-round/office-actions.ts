/** What the programme office does with a running round: remind now, extend the deadline, stop it. */
import { ConflictError, ValidationError } from '../../platform/errors';
import { queueRoundReminders } from './mail';
import type { RoundDeps } from './ports';
import { cancelRound, extendRound, pendingApprovers, type Round, stageDeadline } from './round';
import { approversOf, audit, mutateRound } from './round-access';
import { MAX_ROUND_DAYS } from './create-round';

/** Programme office: remind the members who have not answered, now. */
export async function remindNow(deps: RoundDeps, id: string, actor: string): Promise<{ reminded: number }> {
  const changed = await mutateRound(deps, id, (round) => {
    if (round.status !== 'open') throw new ConflictError('this round is closed');
    return {
      ...round,
      remindersSent: [...round.remindersSent, `manual:${round.version + 1}`],
      version: round.version + 1,
    };
  });
  const round = changed!.after;
  const pending = await approversOf(deps, round, pendingApprovers(round));
  const reminded = await queueRoundReminders(deps, round, pending, `reminder:manual:${round.version}`);
  await audit(deps, id, {
    version: round.version,
    kind: 'reminded',
    actor,
    details: { manual: true, to: pending.length },
  });
  return { reminded };
}

export async function extendDeadline(deps: RoundDeps, id: string, deadline: string, actor: string): Promise<Round> {
  const now = deps.now();
  const changed = await mutateRound(
    deps,
    id,
    (round) => {
      if (round.status !== 'open') throw new ConflictError('this round is closed');
      if (
        Date.parse(deadline) <= Math.max(now.getTime(), Date.parse(stageDeadline(round)), Date.parse(round.deadline))
      ) {
        throw new ValidationError({
          deadline: 'the new deadline must lie in the future and after the current deadline',
        });
      }
      if (Date.parse(deadline) > Date.parse(round.createdAt) + MAX_ROUND_DAYS * 86400_000) {
        throw new ValidationError({ deadline: `a round can run at most ${MAX_ROUND_DAYS} days from its start` });
      }
      return extendRound(round, new Date(deadline).toISOString(), now);
    },
    { takeToken: () => true },
  );
  const { before, after, takenToken } = changed!;
  await audit(deps, id, {
    version: after.version,
    kind: 'extended',
    actor,
    details: { from: before.deadline, to: after.deadline },
  });
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'extended' });
  return after;
}

export async function cancelApprovalRound(deps: RoundDeps, id: string, reason: string, actor: string): Promise<Round> {
  const changed = await mutateRound(
    deps,
    id,
    (round) => {
      if (round.status !== 'open') throw new ConflictError('this round is closed');
      return cancelRound(round, reason, deps.now());
    },
    { takeToken: () => true },
  );
  const { after, takenToken } = changed!;
  await audit(deps, id, { version: after.version, kind: 'cancelled', actor, details: { reason } });
  if (takenToken) await deps.workflow.resume(takenToken, { reason: 'cancelled' });
  return after;
}
