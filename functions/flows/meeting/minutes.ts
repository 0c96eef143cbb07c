/**
 * After the meeting: the secretary's draft, the members' objections, the review's end and the
 * chair's decision, and the action items' dates at the adoption. Pure rules on the meeting's values.
 */
import { addDays } from 'date-fns/addDays';
import { getISODay } from 'date-fns/getISODay';
import { set } from 'date-fns/set';
import { utcIso, zoned } from '../../platform/time';
import { agendaOf } from './agenda';
import { type Meeting, MeetingRejected, type Minutes, plusDays } from './meeting';

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
  const adopted = zoned(m.adoptedAt);
  let later = set(addDays(adopted, LATE_ACTION_DAYS), { hours: 17, minutes: 0, seconds: 0, milliseconds: 0 });
  while (getISODay(later) > 5) later = addDays(later, 1);
  let changed = false;
  const actionItems = m.minutes.actionItems.map((a) => {
    if (a.dueInMinutes || Date.parse(a.due) > adopted.getTime() + ACTION_MARGIN_MS) return a;
    changed = true;
    return { ...a, due: utcIso(later), dueInMinutes: a.due };
  });
  return changed ? { ...m, minutes: { ...m.minutes, actionItems }, version: m.version + 1 } : m;
}
