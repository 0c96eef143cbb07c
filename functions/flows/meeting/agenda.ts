/**
 * Before the meeting: the agenda as members fill it, who comes, and the office moving or cancelling
 * the meeting. Pure rules on the meeting's values; a refused answer throws MeetingRejected.
 */
import { type AgendaItem, type Meeting, MeetingRejected } from './meeting';

export function cancelMeeting(m: Meeting, reason: string, now: Date): Meeting {
  // A meeting that has been held is not cancelled afterwards.
  if (m.status === 'closed' || (m.phase !== 'agenda' && m.phase !== 'invited') || Date.parse(m.start) <= now.getTime())
    throw new MeetingRejected('closed');
  if (reason.trim().length < 3) throw new MeetingRejected('reason-required');
  return {
    ...m,
    status: 'closed',
    phase: 'cancelled',
    cancelReason: reason.trim(),
    sequence: m.sequence + 1,
    version: m.version + 1,
  };
}

/** A new time (and place): calendars get an update of the same entry, and the schedule follows. */
export function moveMeeting(m: Meeting, start: string, end: string, location: string | undefined, now: Date): Meeting {
  if (m.status === 'closed' || (m.phase !== 'agenda' && m.phase !== 'invited')) throw new MeetingRejected('closed');
  if (Date.parse(start) <= now.getTime()) throw new MeetingRejected('not-now');
  const place = location ?? m.location;
  if (Date.parse(start) === Date.parse(m.start) && place === m.location) return m;
  return { ...m, start, end, location: place, sequence: m.sequence + 1, version: m.version + 1 };
}

/** The standing items every agenda has, around the submitted ones. */
export const STANDING = ['opening', 'last-minutes', 'action-items', 'any-other-business'] as const;

/**
 * The agenda in order: opening, last minutes, action items review, submitted items (on time, or late
 * and accepted), any other business.
 */
export function agendaOf(m: Meeting): { id: string; standing?: (typeof STANDING)[number]; item?: AgendaItem }[] {
  const submitted = m.items.filter((i) => !i.late || i.chair === 'accepted');
  return [
    ...STANDING.slice(0, 3).map((s) => ({ id: s, standing: s })),
    ...submitted.map((i) => ({ id: i.id, item: i })),
    { id: 'any-other-business', standing: 'any-other-business' as const },
  ];
}

export function submitItem(m: Meeting, item: Omit<AgendaItem, 'late' | 'at'>, now: Date): Meeting {
  if (m.status === 'closed' || (m.phase !== 'agenda' && m.phase !== 'invited')) throw new MeetingRejected('closed');
  if (Date.parse(m.start) <= now.getTime()) throw new MeetingRejected('not-now');
  if (item.title.trim().length < 3) throw new MeetingRejected('title-required');
  // The same item sent twice (a double click, a retry) is kept once.
  if (m.items.some((i) => i.submittedBy === item.submittedBy && i.title === item.title.trim())) return m;
  // Late once the agenda has been closed and sent, whatever the clock says.
  const late = m.phase !== 'agenda';
  return {
    ...m,
    items: [
      ...m.items,
      { ...item, title: item.title.trim(), explanation: item.explanation.trim(), late, at: now.toISOString() },
    ],
    version: m.version + 1,
  };
}

export function nothingThisMonth(m: Meeting, groupId: string): Meeting {
  if (m.status === 'closed' || m.phase !== 'agenda') throw new MeetingRejected('closed');
  return m.nothingFrom.includes(groupId)
    ? m
    : { ...m, nothingFrom: [...m.nothingFrom, groupId], version: m.version + 1 };
}

export function decline(m: Meeting, personId: string, now: Date): Meeting {
  if (m.status === 'closed' || Date.parse(m.start) <= now.getTime()) throw new MeetingRejected('closed');
  return m.declined.includes(personId) ? m : { ...m, declined: [...m.declined, personId], version: m.version + 1 };
}

/** "I can come after all": undoes a decline, so the day-before reminder comes again. */
export function attend(m: Meeting, personId: string, now: Date): Meeting {
  if (m.status === 'closed' || Date.parse(m.start) <= now.getTime()) throw new MeetingRejected('closed');
  if (!m.declined.includes(personId)) return m;
  return { ...m, declined: m.declined.filter((p) => p !== personId), version: m.version + 1 };
}

/** The chair on a late item: on this agenda, or to next month. */
export function decideLateItem(m: Meeting, itemId: string, accept: boolean): Meeting {
  const item = m.items.find((i) => i.id === itemId && i.late && !i.chair);
  if (!item || m.status === 'closed' || m.phase !== 'invited') throw new MeetingRejected('closed');
  return {
    ...m,
    items: m.items.map((i) => (i === item ? { ...i, chair: accept ? 'accepted' : 'next-month' } : i)),
    version: m.version + 1,
  };
}
