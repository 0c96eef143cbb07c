/** Action items on the shared watchdog (engine/watchdog.ts): their statuses, workflow and office notice. */
import type { ActionItem } from './follow-up';
import type { FollowUpDeps } from './items';
import type { WatchedFlow } from '../../engine/watchdog';
import { tellOfficeStopped } from '../../engine/watchdog-email';
import { WAITING_STATUSES } from './follow-up';

export function watchedFollowUps(
  deps: FollowUpDeps,
  runningExecutions: () => Promise<string[]>,
): WatchedFlow<ActionItem> {
  return {
    store: deps.items,
    // Every status in which the item's workflow waits (blocked ones wait for the office).
    openStatuses: WAITING_STATUSES,
    runningExecutions,
    start: (id, name) => deps.workflow.startFollowUp(id, name),
    resume: (token, output) => deps.workflow.resume(token, output),
    tellOffice: (item) =>
      tellOfficeStopped(deps, deps.items, item.id, 'Het actiepunt', item.what, `/console/follow-ups/${item.id}`),
  };
}
