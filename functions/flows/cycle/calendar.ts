/** The phases of programme cycles that fall in a window: the calendar's read (functions/flows/calendar). */
import { listBySortKey } from '../../engine/by-date';
import { type DateWindow, inWindow, keyRange } from '../../engine/date-window';
import { config } from '../../platform/config';
import { HORIZON_DAYS } from '../../platform/horizons';
import { CYCLE_STATUSES, type Cycle } from './cycle';
import type { PlannedPhase } from './plan';
import { DynamoCycleStore } from './store';

export interface PhaseInWindow {
  cycle: Pick<Cycle, 'id' | 'name' | 'status'>;
  phase: PlannedPhase;
}

/**
 * Cycles are listed by their creation (gsi1sk `<createdAt>#<id>`). A cycle plans no further than
 * its anchors' reach plus its plan's (HORIZON_DAYS.cycleAnchor + cyclePlan, five years) from its
 * start, and a move or an added phase no further from the day of the change (office-changes.ts):
 * the cycles created from five years before the window on are queried (no end: a phase may lie before
 * its cycle's start). A cycle still changed more than five years after its start is the one it misses.
 */
export async function cyclePhasesIn(w: DateWindow): Promise<PhaseInWindow[]> {
  const store = new DynamoCycleStore(config().tableName);
  const [from] = keyRange(w, HORIZON_DAYS.cycleAnchor + HORIZON_DAYS.cyclePlan);
  const found = await Promise.all(
    CYCLE_STATUSES.map((s) => listBySortKey(store, s, from, '~', ['id', 'name', 'status', 'plan'])),
  );
  return found
    .flat()
    .flatMap((c) =>
      c.plan.phases
        .filter((p) => !p.skipped && inWindow(p.due, w))
        .map((phase) => ({ cycle: { id: c.id, name: c.name, status: c.status }, phase })),
    );
}
