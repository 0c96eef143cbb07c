/**
 * The port of subject-run.ts on the actielijn and follow-up flows, reached only
 * through their exported use cases: the reports, for the cycle's steps, which read the trekker's
 * action item (the names are in deps.ts, so the office's bundles carry no follow-up).
 */
import type { SubjectReports } from './subject-run';
import { actielijnDeps, findActielijn, isReported, recordProgress } from '../actielijn';
import { followUpDeps, loadItem } from '../follow-up';

/**
 * Each done report whose update is not on the actielijn yet: the result the trekker wrote when
 * marking the action item done is the new current state, dated when it was done. An item
 * closed without a result (handed back, then marked done by the office) gives no state.
 */
export const actielijnReports = (): SubjectReports => ({
  async recordReports(actielijnId, reports) {
    const deps = actielijnDeps();
    const actielijn = await findActielijn(deps, actielijnId);
    if (!actielijn) return;
    for (const r of reports) {
      if (isReported(actielijn, `${r.cycleId}/${r.phase}`)) continue;
      const item = await loadItem(followUpDeps(), r.actionItemId);
      if (item.status !== 'done' || !item.result) continue;
      await recordProgress(deps, actielijnId, {
        at: r.doneAt,
        text: item.result,
        by: `cycle:${r.cycleId}`,
        source: { cycleId: r.cycleId, phase: r.phase, actionItemId: r.actionItemId },
      });
    }
  },
});
