/**
 * Scheduled tick. A safety net, not the timer: an open round whose deadline passed more than an
 * hour ago has its waiting workflow woken, or, when no workflow waits for it (failed, never
 * started), is settled and announced here.
 */
import middy from '@middy/core';
import { roundDeps } from './deps';
import { logger } from '../../platform/logger';
import { advanceRound, finalizeRound } from './use-cases';

const GRACE_MS = 3600_000;

async function handle() {
  const deps = roundDeps();
  const now = deps.now().getTime();
  const overdue = (await deps.rounds.list('open')).filter((r) => Date.parse(r.deadline) + GRACE_MS < now);
  for (const round of overdue) {
    logger.warn('round past its deadline is still open; waking its workflow', { roundId: round.id });
    // Same document and version: the write only takes the stored token, so one waker resumes.
    const res = await deps.rounds.save(round, round.version, { takeToken: true });
    if (res.ok && res.takenToken) {
      await deps.workflow.resume(res.takenToken, { reason: 'watchdog' });
    } else {
      // No workflow waits for this round (it failed or never started): settle and announce it here.
      const plan = await advanceRound(deps, round.id);
      if (plan.closed) await finalizeRound(deps, round.id);
    }
  }
  return { checked: overdue.length };
}

export const handler = middy(handle);
