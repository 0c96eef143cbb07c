/**
 * Scheduled tick. A safety net, not the timer: an open round whose deadline passed more than an
 * hour ago has its waiting workflow woken, or, when no workflow waits for it (failed, never
 * started), is settled and announced here. A round closed in the last 30 days has its outcome
 * announced here if its workflow did not (it failed on the way, e.g. in a database outage).
 */
import middy from '@middy/core';
import { roundDeps } from './deps';
import { logger } from '../../platform/logger';
import { advanceRound, finalizeRound } from './use-cases';

const GRACE_MS = 3600_000;
const ANNOUNCE_WINDOW_MS = 30 * 86400_000;

async function handle() {
  const deps = roundDeps();
  const now = deps.now().getTime();
  const overdue = (await deps.rounds.list('open')).filter((r) => Date.parse(r.deadline) + GRACE_MS < now);
  for (const round of overdue) {
    logger.warn('round past its deadline is still open; waking its workflow', { roundId: round.id });
    // Same document and version: the write only takes the stored token, so one waker resumes.
    const res = await deps.rounds.save(round, round.version, { takeToken: true });
    // A token no workflow waits on any more (it failed or was stopped after parking) resumes nothing.
    const resumed =
      res.ok && res.takenToken ? await deps.workflow.resume(res.takenToken, { reason: 'watchdog' }) : false;
    if (resumed === false) {
      // No workflow waits for this round (it failed or never started): settle and announce it here.
      const plan = await advanceRound(deps, round.id);
      if (plan.closed) await finalizeRound(deps, round.id);
    }
  }
  // Closed more than an hour ago: its outcome is announced, unless its workflow failed before that
  // (a database outage can fail the failure report too, so no mark is relied on). finalizeRound sends
  // each email once (sendOnce): a round already announced sends nothing again. After 30 days no more.
  const unannounced = (await deps.rounds.list('closed')).filter((r) => {
    const closed = r.closedAt ? Date.parse(r.closedAt) : 0;
    return closed + GRACE_MS < now && closed + ANNOUNCE_WINDOW_MS > now;
  });
  for (const round of unannounced) {
    // One round that cannot be announced now (mail away) does not keep the others waiting.
    await finalizeRound(deps, round.id).catch((err: Error) =>
      logger.warn('closed round not announced yet; the next run tries again', { roundId: round.id, error: err.name }),
    );
  }
  return { checked: overdue.length, announced: unannounced.length };
}

export const handler = middy(handle);
