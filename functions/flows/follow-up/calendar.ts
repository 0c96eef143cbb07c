/** Action items due in a window: the calendar's read (functions/flows/calendar). */
import { listBySortKey } from '../../engine/by-date';
import { type DateWindow, inWindow, keyRange } from '../../engine/date-window';
import { config } from '../../platform/config';
import type { ActionItem, ItemStatus } from './follow-up';
import { DynamoItemStore } from './store';

const STATUSES: ItemStatus[] = ['open', 'blocked', 'awaiting-approval', 'done', 'returned', 'cancelled'];

const FIELDS = ['id', 'what', 'due', 'bodyId', 'status', 'version'] as const;
export type ItemInWindow = Pick<ActionItem, (typeof FIELDS)[number]>;

/** Items are listed by their due date (gsi1sk `<due>#<id>`): one range Query per status. */
export async function itemsDueIn(w: DateWindow): Promise<ItemInWindow[]> {
  const store = new DynamoItemStore(config().tableName);
  const [from, to] = keyRange(w);
  const found = await Promise.all(STATUSES.map((s) => listBySortKey(store, s, from, to, FIELDS)));
  return found.flat().filter((i) => inWindow(i.due, w));
}
