/**
 * One meeting of a series, from the call for agenda items to the published minutes, as values
 * and pure rules. The schedule says what the flow does when; the transitions say what people's
 * answers do. Keys of scheduled actions name the meeting's start, so a moved meeting gets a new
 * schedule (as a new due date does for an action item).
 */
import { DateTime } from 'luxon';
import type { LeadTimes } from './series';

export type Ask = 'inform' | 'discuss' | 'decide';

export interface AgendaItem {
  id: string;
  title: string;
  explanation: string;
  /** Who brings it to the meeting (free text: a name or a group). */
  broughtBy: string;
  ask: Ask;
  submittedBy: string;
  /** The theme group the submitter represents, when they represent one. */
  groupId?: string;
  at: string;
  /** Submitted after the agenda deadline: the chair accepts it or moves it to next month. */
  late: boolean;
  chair?: 'accepted' | 'next-month';
}

export interface MinutesActionItem {
  what: string;
  ownerPersonId?: string;
  ownerOrganisationId?: string;
  due: string;
  /** The date the minutes gave, when it was (nearly) past at the adoption and `due` was set later. */
  dueInMinutes?: string;
}

export interface Minutes {
  /** Per agenda line (standing items and submitted ones, by their id): what was discussed. */
  summaries: Record<string, string>;
  decisions: string;
  actionItems: MinutesActionItem[];
  by: string;
  at: string;
}

/** 'abandoned': no minutes (or no chair's decision) a month on; the office is told and the flow ends. */
export type MeetingPhase =
  | 'agenda'
  | 'invited'
  | 'minutes'
  | 'review'
  | 'chair-review'
  | 'adopted'
  | 'cancelled'
  | 'abandoned';

export interface Meeting {
  /** `<seriesId>--<occurrence key>`: also the workflow's execution name. */
  id: string;
  seriesId: string;
  key: string;
  bodyId: string;
  title: string;
  start: string;
  end: string;
  location?: string;
  onlineUrl?: string;
  chairId: string;
  secretaryId: string;
  leadTimes: LeadTimes;
  /** The workflow waits while open; closed once published or cancelled. */
  status: 'open' | 'closed';
  phase: MeetingPhase;
  items: AgendaItem[];
  /** Theme groups that said "nothing this month". */
  nothingFrom: string[];
  /** People who said they cannot come: no day-before reminder. */
  declined: string[];
  /** Raised by every change calendars must see (iCalendar SEQUENCE). */
  sequence: number;
  minutes?: Minutes;
  objections: { personId: string; reason: string; at: string }[];
  reviewEndsAt?: string;
  /** Raised each time the chair sends the minutes back; names the reminders of each new round. */
  minutesRound?: number;
  sentBackAt?: string;
  adoptedAt?: string;
  adoptedBy?: 'consent' | 'chair';
  cancelReason?: string;
  actionsDone: string[];
  lastActions?: string[];
  createdAt: string;
  version: number;
}

export type MeetingActionKind =
  | 'call'
  | 'agenda-reminder'
  | 'close-agenda'
  | 'day-before'
  | 'ask-minutes'
  | 'minutes-reminder'
  | 'minutes-to-chair'
  | 'close-review'
  | 'give-up';

/** A meeting still without adopted minutes this long after its last step ends, so no workflow waits forever. */
export const GIVE_UP_DAYS = 30;

export interface MeetingAction {
  kind: MeetingActionKind;
  at: string;
  key: string;
}

const plusDays = (iso: string, days: number) => DateTime.fromISO(iso).plus({ days }).toUTC().toISO()!;

/** Every moment the flow acts, for the meeting as it is now. */
export function meetingSchedule(m: Meeting): MeetingAction[] {
  if (m.status === 'closed') return [];
  const tag = `@${DateTime.fromISO(m.start).toUTC().toISO()}`;
  const lead = m.leadTimes;
  const agendaDeadline = agendaDeadlineOf(m);
  const act = (kind: MeetingActionKind, at: string): MeetingAction => ({ kind, at, key: `${kind}${tag}` });
  const created = Date.parse(m.createdAt);
  const actions: MeetingAction[] = [];
  // A meeting planned late still gets its call (at once), unless the agenda has already closed.
  if (created < Date.parse(agendaDeadline))
    actions.push(act('call', new Date(Math.max(created, Date.parse(plusDays(m.start, -lead.callDays)))).toISOString()));
  const reminder = plusDays(agendaDeadline, -lead.agendaReminderDays);
  if (Date.parse(reminder) > created) actions.push(act('agenda-reminder', reminder));
  actions.push(act('close-agenda', new Date(Math.max(created, Date.parse(agendaDeadline))).toISOString()));
  const dayBefore = plusDays(m.start, -1);
  if (Date.parse(dayBefore) > created) actions.push(act('day-before', dayBefore));
  actions.push(act('ask-minutes', m.end));
  if (!m.minutes) {
    // Counted from the meeting, or from the moment the chair sent the minutes back.
    const round = m.minutesRound ?? 0;
    const from = m.sentBackAt ?? m.end;
    actions.push({
      kind: 'minutes-reminder',
      at: plusDays(from, lead.minutesDays),
      key: `minutes-reminder${tag}#${round}`,
    });
    actions.push({
      kind: 'minutes-to-chair',
      at: plusDays(from, 2 * lead.minutesDays),
      key: `minutes-to-chair${tag}#${round}`,
    });
    actions.push({ kind: 'give-up', at: plusDays(from, GIVE_UP_DAYS), key: `give-up${tag}#${round}` });
  }
  if ((m.phase === 'chair-review' || m.phase === 'abandoned') && m.reviewEndsAt)
    actions.push({ kind: 'give-up', at: plusDays(m.reviewEndsAt, GIVE_UP_DAYS), key: `give-up@${m.reviewEndsAt}` });
  // Each review has its own end, so a second review (after the chair sent the minutes back) closes too.
  if (m.reviewEndsAt) actions.push({ kind: 'close-review', at: m.reviewEndsAt, key: `close-review@${m.reviewEndsAt}` });
  return actions.sort((a, b) => a.at.localeCompare(b.at));
}

export const agendaDeadlineOf = (m: Pick<Meeting, 'start' | 'leadTimes'>) =>
  plusDays(m.start, -m.leadTimes.agendaDeadlineDays);

export class MeetingRejected extends Error {
  constructor(
    readonly reason: 'closed' | 'title-required' | 'not-now' | 'minutes-incomplete' | 'reason-required' | 'own-minutes',
  ) {
    super(reason);
  }
}

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

/** The agenda in order: opening, last minutes, action items review, submitted items (on time, or late and accepted), any other business. */
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

/** The secretary's draft: the review by the members starts. */
export function submitMinutes(m: Meeting, minutes: Minutes, now: Date): Meeting {
  if (m.status === 'closed' || m.phase !== 'minutes') throw new MeetingRejected('closed');
  const lines = agendaOf(m);
  if (lines.some((l) => !(minutes.summaries[l.id] ?? '').trim()) && !minutes.decisions.trim())
    throw new MeetingRejected('minutes-incomplete');
  return {
    ...m,
    minutes,
    phase: 'review',
    reviewEndsAt: plusDays(now.toISOString(), m.leadTimes.reviewDays),
    version: m.version + 1,
  };
}

export function object(m: Meeting, personId: string, reason: string, now: Date): Meeting {
  if (m.status === 'closed' || m.phase !== 'review' || (m.reviewEndsAt && Date.parse(m.reviewEndsAt) <= now.getTime()))
    throw new MeetingRejected('closed');
  // Whoever wrote the draft changes it through the chair's send-back, not by objecting to it.
  if (m.minutes?.by === personId) throw new MeetingRejected('own-minutes');
  if (reason.trim().length < 3) throw new MeetingRejected('reason-required');
  return {
    ...m,
    objections: [
      ...m.objections.filter((o) => o.personId !== personId),
      { personId, reason: reason.trim(), at: now.toISOString() },
    ],
    version: m.version + 1,
  };
}

/** The review period ended: adopted by consent without objections, else the chair decides. */
export function closeReview(m: Meeting, now: Date): Meeting {
  if (m.phase !== 'review') return m;
  // Adopted minutes close the flow: the step that closes it publishes them and makes the action items.
  return m.objections.length === 0
    ? {
        ...m,
        phase: 'adopted',
        status: 'closed',
        adoptedAt: now.toISOString(),
        adoptedBy: 'consent',
        version: m.version + 1,
      }
    : { ...m, phase: 'chair-review', version: m.version + 1 };
}

/** The chair weighs the objections: adopt (with or without the secretary's changes), or send the minutes back. */
export function chairDecides(m: Meeting, adopt: boolean, now: Date): Meeting {
  if (m.phase !== 'chair-review') throw new MeetingRejected('closed');
  return adopt
    ? {
        ...m,
        phase: 'adopted',
        status: 'closed',
        adoptedAt: now.toISOString(),
        adoptedBy: 'chair',
        version: m.version + 1,
      }
    : {
        ...m,
        phase: 'minutes',
        minutes: undefined,
        objections: [],
        reviewEndsAt: undefined,
        minutesRound: (m.minutesRound ?? 0) + 1,
        sentBackAt: now.toISOString(),
        version: m.version + 1,
      };
}

/** A date in the minutes must still be this far ahead at the adoption; otherwise it moves a week on. */
const ACTION_MARGIN_MS = 86400_000;
const LATE_ACTION_DAYS = 7;

/**
 * The action items' dates as they are followed up: the minutes' own date while still ahead; one that
 * passed (or is within a day) while the minutes waited for adoption gets a week from the adoption, on a
 * working day at 17:00, and keeps the minutes' date beside it. Counted from the adoption, so repeating
 * it later gives the same dates.
 */
export function settleActionDates(m: Meeting): Meeting {
  if (!m.minutes || !m.adoptedAt) return m;
  const adopted = DateTime.fromISO(m.adoptedAt, { zone: 'Europe/Amsterdam' });
  let later = adopted.plus({ days: LATE_ACTION_DAYS }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
  while (later.weekday > 5) later = later.plus({ days: 1 });
  let changed = false;
  const actionItems = m.minutes.actionItems.map((a) => {
    if (a.dueInMinutes || Date.parse(a.due) > adopted.toMillis() + ACTION_MARGIN_MS) return a;
    changed = true;
    return { ...a, due: later.toUTC().toISO()!, dueInMinutes: a.due };
  });
  return changed ? { ...m, minutes: { ...m.minutes, actionItems }, version: m.version + 1 } : m;
}
