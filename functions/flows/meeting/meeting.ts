/**
 * One meeting of a series, from the call for agenda items to the published minutes, as values
 * and pure rules. The schedule (here) says what the flow does when; the transitions say what
 * people's answers do (`agenda.ts` before the meeting, `minutes.ts` after it). Keys of scheduled
 * actions name the meeting's start, so a moved meeting gets a new schedule (as a new due date does
 * for an action item).
 */
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

/** `days` days of 24 hours after `iso` (before, when negative), in UTC: the meeting's moments have always been counted so. */
export const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** Every moment the flow acts, for the meeting as it is now. */
export function meetingSchedule(m: Meeting): MeetingAction[] {
  if (m.status === 'closed') return [];
  const tag = `@${new Date(m.start).toISOString()}`;
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
