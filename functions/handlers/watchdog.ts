/**
 * Scheduled tick. A safety net, not the timer: open rounds whose deadline passed more than
 * an hour ago while their workflow still waits are woken, and the office is told in the log.
 */
import middy from '@middy/core';
import { roundDeps } from '../lib/deps';
import { logger } from '../lib/logger';

const GRACE_MS = 3600_000;

async function handle() {
  const deps = roundDeps();
  const now = deps.now().getTime();
  const overdue = (await deps.rounds.list('open')).filter((r) => Date.parse(r.deadline) + GRACE_MS < now);
  for (const round of overdue) {
    logger.warn('round past its deadline is still open; waking its workflow', { roundId: round.id });
    // Same document and version: the write only takes the stored token, so one waker resumes.
    const res = await deps.rounds.save(round, round.version, { takeToken: true });
    if (res.ok && res.takenToken) await deps.workflow.resume(res.takenToken, { reason: 'watchdog' });
  }
  return { checked: overdue.length };
}

export const handler = middy(handle);
