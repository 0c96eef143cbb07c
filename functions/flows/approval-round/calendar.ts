/** Rounds whose deadline falls in a window: the calendar's read (functions/flows/calendar). */
import { listBySortKey } from '../../engine/by-date';
import { type DateWindow, inWindow, keyRange } from '../../engine/date-window';
import { config } from '../../platform/config';
import { MAX_ROUND_DAYS } from './create-round';
import type { Round } from './round';
import { DynamoRoundStore } from './store';

/**
 * Rounds are listed by their creation (gsi1sk `<createdAt>#<id>`), and a deadline never lies more
 * than MAX_ROUND_DAYS after it, at the start nor after an extension (office-actions.ts): so the
 * rounds created from MAX_ROUND_DAYS before the window to its end hold every deadline in it.
 */
const FIELDS = ['id', 'title', 'deadline', 'bodyId', 'outcome', 'version'] as const;
export type RoundInWindow = Pick<Round, (typeof FIELDS)[number]>;

export async function roundsDueIn(w: DateWindow): Promise<RoundInWindow[]> {
  const store = new DynamoRoundStore(config().tableName);
  const [from, to] = keyRange(w, MAX_ROUND_DAYS);
  const found = await Promise.all((['open', 'closed'] as const).map((s) => listBySortKey(store, s, from, to, FIELDS)));
  return found.flat().filter((r) => inWindow(r.deadline, w));
}
