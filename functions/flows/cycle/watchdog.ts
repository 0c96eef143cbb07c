/** Cycles on the shared watchdog (engine/watchdog.ts): their statuses, workflow and office notice. */
import type { Cycle, CycleStatus } from './cycle';
import type { CycleWorkflow } from './office';
import type { MailDeps } from '../../engine/mail-ledger';
import type { Settings, VersionedDocs } from '../../engine/ports';
import type { WatchedFlow } from '../../engine/watchdog';
import { tellOfficeStopped } from '../../engine/watchdog-email';

export function watchedCycles(
  deps: MailDeps & { settings: Settings; workflow: CycleWorkflow },
  store: VersionedDocs<Cycle, CycleStatus>,
  runningExecutions: () => Promise<string[]>,
): WatchedFlow<Cycle> {
  return {
    // A cancelled cycle is watched until its workflow has stopped its phases' flows (flow-sync.ts):
    // a workflow that failed before that is carried on, so no round goes on reminding people.
    store: {
      save: (c, v, o) => store.save(c, v, o),
      listAudit: (id) => store.listAudit(id),
      appendAudit: (id, e) => store.appendAudit(id, e),
      parkedUntil: (id) => store.parkedUntil(id),
      list: async (status) =>
        (await store.list(status)).filter((c) => c.status !== 'cancelled' || !c.cancelled?.flowsStoppedAt),
    },
    // A planned cycle's workflow has started (createCycle starts it) and sets it running at once.
    openStatuses: ['planned', 'running', 'cancelled'],
    runningExecutions,
    start: (id, name) => deps.workflow.startCycle(id, name),
    resume: (token, output) => deps.workflow.resume(token, output),
    // The console has no cycle page yet: the notice links to the console's start.
    tellOffice: (c) => tellOfficeStopped(deps, store, c.id, 'De cyclus', c.name.nl, '/console'),
  };
}
