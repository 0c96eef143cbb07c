/**
 * Another flow puts an item on a body's meeting: a programme cycle's phase "the application on the
 * agenda of the board meeting of 24 September". The item goes on the agenda as a member's would
 * (late once the agenda has gone out, when the chair decides), and the other flow reads back whether
 * the meeting was held with it. Only the meeting documents are touched: the agenda goes out with the
 * meeting's own invitation, so no workflow needs waking.
 */
import { agendaOf, submitItem } from './agenda';
import type { MeetingDeps } from './meeting-docs';
import { loadMeeting, mutateMeeting } from './meeting-docs';
import { MeetingRejected } from './meeting';
import { ValidationError } from '../../platform/errors';
import { formatDateTime, isoDate, zoned } from '../../platform/time';

export interface AgendaRequest {
  bodyId: string;
  /** The meeting's day: the open meeting of the body that starts on this Amsterdam date. */
  on: string;
  /** Stable per request (from the other flow's key), so a retried request finds its item. */
  itemId: string;
  title: string;
  explanation: string;
  broughtBy: string;
  /** Who asks, for the meeting's record: `cycle:<id>`. */
  submittedBy: string;
}

type AgendaDeps = Pick<MeetingDeps, 'meetings' | 'now'>;

/** Finds the body's meeting on that day and puts the item on it; refused (400) when there is none. */
export async function placeOnAgenda(deps: AgendaDeps, req: AgendaRequest): Promise<{ meetingId: string }> {
  const day = isoDate(zoned(req.on));
  const meeting = (await deps.meetings.list('open')).find(
    (m) => m.bodyId === req.bodyId && isoDate(zoned(m.start)) === day,
  );
  if (!meeting) {
    const when = formatDateTime(req.on, 'nl');
    throw new ValidationError({ meeting: `er is geen vergadering gepland op de dag van ${when}` });
  }
  if (meeting.items.some((i) => i.id === req.itemId)) return { meetingId: meeting.id };
  try {
    await mutateMeeting(deps, meeting.id, (m) =>
      m.items.some((i) => i.id === req.itemId)
        ? null
        : submitItem(m, { id: req.itemId, ask: 'decide', ...pick(req) }, deps.now()),
    );
  } catch (err) {
    // The meeting began or closed in the meantime: the other flow leaves it to the office.
    if (err instanceof MeetingRejected)
      throw new ValidationError({ meeting: 'de vergadering is al begonnen of afgelopen' });
    throw err;
  }
  return { meetingId: meeting.id };
}

const pick = (r: AgendaRequest) => ({
  title: r.title,
  explanation: r.explanation,
  broughtBy: r.broughtBy,
  submittedBy: r.submittedBy,
});

/**
 * How the item stands: held (the meeting took place with it on the agenda), returned (the meeting
 * was cancelled or the chair moved the item to next month: the other flow's office decides), or not
 * yet.
 */
export async function agendaItemState(
  deps: AgendaDeps,
  meetingId: string,
  itemId: string,
): Promise<{ ended: 'held' | 'returned' | null; at?: string; due?: string }> {
  const m = await loadMeeting(deps, meetingId);
  const item = m.items.find((i) => i.id === itemId);
  if (m.phase === 'cancelled' || !item || item.chair === 'next-month') return { ended: 'returned' };
  const onAgenda = agendaOf(m).some((a) => a.id === itemId);
  // Not yet: the meeting's start is the item's date, which a moved phase cannot move (phase-agenda.ts).
  if (Date.parse(m.start) > deps.now().getTime()) return { ended: null, due: m.start };
  // A late item the chair never accepted was not discussed.
  return onAgenda ? { ended: 'held', at: m.start } : { ended: 'returned' };
}

/**
 * The other flow no longer asks (a cancelled cycle): its item leaves the agenda while the agenda is
 * still being filled. Once the agenda has gone out with it, it stays (the chair deals with it at
 * the meeting), as does an item of a meeting that was held.
 */
export async function withdrawFromAgenda(deps: AgendaDeps, meetingId: string, itemId: string): Promise<void> {
  await mutateMeeting(deps, meetingId, (m) =>
    m.status === 'open' && m.phase === 'agenda' && m.items.some((i) => i.id === itemId)
      ? { ...m, items: m.items.filter((i) => i.id !== itemId), version: m.version + 1 }
      : null,
  );
}
