/**
 * A cycle about an actielijn reports to it: when a report of the trekker is done, the result the
 * trekker wrote on its action item ("what was done, what is next, risks") becomes the actielijn's
 * current state. Run after the cycle's own step (steps.handler.ts), so run.ts stays the cycle's.
 */
import type { Cycle } from './cycle';
import { loadCycle } from './office';
import type { PlannedPhase } from './plan';
import { advanceCycle, type CycleRunDeps } from './run';

/** One report of the trekker that is done: the phase and its action item. */
export interface DoneReport {
  cycleId: string;
  phase: string;
  actionItemId: string;
  doneAt: string;
}

/** Records the reports on the actielijn, each once (it skips those on record already). */
export interface SubjectReports {
  recordReports(actielijnId: string, reports: DoneReport[]): Promise<void>;
}

/**
 * The trekker's reports that are done, through their action item. Only `report` phases of the
 * trekker: a cycle's other reports (the SPUK's to the ministry) are not the actielijn's state.
 */
export function doneReports(cycle: Cycle): DoneReport[] {
  return cycle.plan.phases.flatMap((p) => {
    const f = cycle.facts[p.key];
    if (p.kind !== 'report' || p.role !== 'trekker' || !f?.doneAt || f.flow?.kind !== 'followUp') return [];
    if (!published(cycle, p)) return [];
    return [{ cycleId: cycle.id, phase: p.key, actionItemId: f.flow.id, doneAt: f.doneAt }];
  });
}

/**
 * The trekker writes to the office, which publishes: a report goes on the public page once the
 * office has marked done the publication that follows it (the first one from the report's due date;
 * the monitoring template's "Huidige stand van zaken publiceren"), not the moment it is written. Its
 * text may name people or risks the office keeps to itself; the office reads it first, and can write
 * the public state itself (POST /api/actielijnen/{id}/state). A cycle without such a phase publishes at once.
 */
function published(cycle: Cycle, report: PlannedPhase): boolean {
  const next = cycle.plan.phases
    .filter((q) => q.kind === 'publication' && !q.skipped && Date.parse(q.start.at) >= Date.parse(report.due))
    .sort((a, b) => Date.parse(a.start.at) - Date.parse(b.start.at))[0];
  return !next || Boolean(cycle.facts[next.key]?.doneAt);
}

export type SubjectRunDeps = CycleRunDeps & { reports: SubjectReports };

/**
 * The cycle's step, then its reports to its actielijn. Every wake hands over all done reports (the
 * actielijn skips those on record), so a step that died between the cycle's write and the
 * actielijn's is made good at the next wake.
 */
export async function advanceWithSubject(deps: SubjectRunDeps, id: string) {
  const plan = await advanceCycle(deps, id);
  const cycle = await loadCycle(deps, id);
  const reports = cycle.subject ? doneReports(cycle) : [];
  if (cycle.subject && reports.length) await deps.reports.recordReports(cycle.subject.actielijnId, reports);
  return plan;
}
