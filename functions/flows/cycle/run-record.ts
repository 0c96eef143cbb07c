/**
 * What the cycle's step changed, on the cycle's record, keyed by the new version and the phase so a
 * retried write records once (a crash between the write and the record loses the record, not the change).
 */
import type { Cycle } from './cycle';
import { audit, auditKey, type CycleDeps } from './office';

export async function recordOnTimeline(deps: CycleDeps, before: Cycle, after: Cycle): Promise<void> {
  const v = after.version;
  const put = (what: string, kind: string, details: Record<string, unknown>) =>
    audit(deps, after.id, auditKey(v, what), kind, 'system', details);
  for (const p of after.plan.phases) {
    const [was, is] = [before.facts[p.key] ?? {}, after.facts[p.key] ?? {}];
    const detail = {
      phase: p.key,
      ...(is.flow ? { flow: is.flow } : {}),
      ...(is.refused ? { refused: is.refused } : {}),
    };
    if (is.startedAt && !was.startedAt) await put(`started:${p.key}`, 'phase-started', detail);
    if (is.doneAt && !was.doneAt) await put(`done:${p.key}`, 'phase-done', { phase: p.key, outcome: is.outcome });
    if (is.returnedAt && !was.returnedAt) await put(`returned:${p.key}`, 'phase-returned', { phase: p.key });
    // The flow's date followed the phase's moved due date, or the flow refused it.
    if (was.flowDue && is.flowDue && is.flowDue !== was.flowDue)
      await put(`flow-moved:${p.key}`, 'phase-flow-moved', { ...detail, from: was.flowDue, to: is.flowDue });
    if (is.moveRefused && is.moveRefused.due !== was.moveRefused?.due)
      await put(`flow-refused:${p.key}`, 'phase-flow-move-refused', { ...detail, ...is.moveRefused });
  }
  if (after.status === 'done' && before.status !== 'done') await put('done', 'done', {});
}
