/** Input rounds whose deadline falls in a window: the calendar's read (functions/flows/calendar). */
import { listBySortKey } from '../../engine/by-date';
import { type DateWindow, inWindow, keyRange } from '../../engine/date-window';
import { config } from '../../platform/config';
import { HORIZON_DAYS } from '../../platform/horizons';
import type { InputRound } from './input-round';
import { DynamoInputRoundStore } from './store';

/**
 * Input rounds are listed by their creation (gsi1sk `<createdAt>#<id>`); a deadline lies within
 * HORIZON_DAYS.inputDeadline of it, when the round is made and when the office moves it
 * (office-actions.ts): the rounds created from that many days before the window hold every deadline in it.
 */
const FIELDS = ['id', 'title', 'deadline', 'bodyId', 'cancelled', 'version'] as const;
export type InputRoundInWindow = Pick<InputRound, (typeof FIELDS)[number]>;

export async function inputRoundsDueIn(w: DateWindow): Promise<InputRoundInWindow[]> {
  const store = new DynamoInputRoundStore(config().tableName);
  const [from, to] = keyRange(w, HORIZON_DAYS.inputDeadline);
  const found = await Promise.all((['open', 'closed'] as const).map((s) => listBySortKey(store, s, from, to, FIELDS)));
  return found.flat().filter((r) => inWindow(r.deadline, w));
}
