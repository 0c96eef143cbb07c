/** Public events in a window: the calendar's read (functions/flows/calendar). */
import { listBySortKey } from '../../engine/by-date';
import { type DateWindow, inWindow, keyRange } from '../../engine/date-window';
import { config } from '../../platform/config';
import { EVENT_STATUSES, type PublicEvent } from './event';
import { DynamoEventStore } from './store';

// Only what the calendar shows: never the registrations (names and addresses).
const FIELDS = ['id', 'title', 'start', 'end', 'place', 'status', 'version'] as const;
export type EventInWindow = Pick<PublicEvent, (typeof FIELDS)[number]>;

/** Events are listed by their start (gsi1sk `<start>#<id>`): one range Query per status. */
export async function eventsIn(w: DateWindow): Promise<EventInWindow[]> {
  const store = new DynamoEventStore(config().tableName);
  const [from, to] = keyRange(w);
  const found = await Promise.all(EVENT_STATUSES.map((s) => listBySortKey(store, s, from, to, FIELDS)));
  return found.flat().filter((e) => inWindow(e.start, w));
}
