/**
 * The meetings in a window, for the calendar (functions/flows/calendar): the meetings already
 * planned (their own documents, by start) and the coming ones of each active series, from its rule,
 * which the planner makes into meetings only weeks ahead. The same id joins the two.
 */
import { listBySortKey } from '../../engine/by-date';
import { type DateWindow, inWindow, keyRange } from '../../engine/date-window';
import { config } from '../../platform/config';
import type { Meeting, MeetingPhase } from './meeting';
import { meetingIdOf, occurrences } from './series';
import { DynamoMeetingStore, DynamoSeriesStore } from './store';

export interface MeetingInWindow {
  /** The meeting's id, planned or not yet: `<seriesId>--<occurrence key>`. */
  id: string;
  seriesId: string;
  bodyId: string;
  title: string;
  start: string;
  end: string;
  location?: string;
  /** The meeting's phase once it is planned; null for one still only in the series' rule. */
  phase: MeetingPhase | null;
  cancelled: boolean;
  /** Raised by every change calendars must see (iCalendar SEQUENCE). */
  sequence: number;
}

// Only what the calendar shows: a meeting's agenda, minutes and objections stay where they are.
const FIELDS = ['id', 'seriesId', 'bodyId', 'title', 'start', 'end', 'location', 'phase', 'sequence'] as const;

const fromMeeting = (m: Pick<Meeting, (typeof FIELDS)[number]>): MeetingInWindow => ({
  id: m.id,
  seriesId: m.seriesId,
  bodyId: m.bodyId,
  title: m.title,
  start: m.start,
  end: m.end,
  location: m.location,
  phase: m.phase,
  cancelled: m.phase === 'cancelled',
  sequence: m.sequence,
});

/** Meetings by start (gsi1sk `<start>#<id>`, a range Query per status); active series by a Query of SERIESLIST#active. */
export async function meetingsIn(w: DateWindow): Promise<MeetingInWindow[]> {
  const table = config().tableName;
  const meetingStore = new DynamoMeetingStore(table);
  const [from, to] = keyRange(w);
  const [open, closed, series] = await Promise.all([
    listBySortKey(meetingStore, 'open', from, to, FIELDS),
    listBySortKey(meetingStore, 'closed', from, to, FIELDS),
    new DynamoSeriesStore(table).list('active'),
  ]);
  const byId = new Map<string, MeetingInWindow>();
  for (const s of series)
    for (const o of occurrences(s, w.from, w.to)) {
      const id = meetingIdOf(s.id, o.key);
      byId.set(id, {
        id,
        seriesId: s.id,
        bodyId: s.bodyId,
        title: s.title,
        start: o.start,
        end: o.end,
        location: o.location,
        phase: null,
        cancelled: o.status === 'cancelled',
        sequence: 0,
      });
    }
  // A planned meeting is what the flow knows now: its own time, title and phase win.
  for (const m of [...open, ...closed]) {
    if (inWindow(m.start, w)) byId.set(m.id, fromMeeting(m));
    else byId.delete(m.id);
  }
  return [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
