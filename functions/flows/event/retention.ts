/**
 * The time rules of a public event: how long contact details are kept after it (AVG), and when the
 * reminder of the day before goes. Plain rules, no AWS.
 */
import type { PublicEvent, Registration } from './event';
import { isoDate, wallClock, zoned } from '../../platform/time';

const DAY_MS = 86_400_000;

/** Without the contact details; the counts and needs stay, so the office still knows how many came. */
export const withoutContact = (r: Registration, at: string): Registration => ({
  ...r,
  name: '',
  email: '',
  language: undefined,
  erasedAt: at,
});

/**
 * How long contact details are kept after the event ends: 3 months, or 12 for those who asked to
 * hear "what we did with it" (that mail comes months later) — and no longer than until it was sent.
 */
export const RETENTION_MONTHS = { plain: 3, followUp: 12 } as const;

export function retentionEnd(e: PublicEvent, r: Registration): Date {
  const end = new Date(e.end);
  end.setUTCMonth(end.getUTCMonth() + (r.consent ? RETENTION_MONTHS.followUp : RETENTION_MONTHS.plain));
  return end;
}

/** The registrations whose contact details must go now. */
export function dueForRemoval(e: PublicEvent, now: Date): Registration[] {
  return e.registrations.filter(
    (r) =>
      !r.erasedAt &&
      Date.parse(e.end) < now.getTime() &&
      (retentionEnd(e, r).getTime() <= now.getTime() ||
        (r.consent && e.did !== undefined && Date.parse(e.did.at) + DAY_MS <= now.getTime()) ||
        r.status === 'cancelled'),
  );
}

/**
 * When the reminder goes: the day before the event at 10:00 in Amsterdam, or Saturday when the day
 * before is a Sunday (the budget's rule: no mail on Sundays nor at night). Registrants have no
 * entry in the directory, so no budget of their own: this one-time moment stands in for it.
 */
export function reminderMoment(e: Pick<PublicEvent, 'start'>): Date {
  const day = zoned(e.start);
  const back = zoned(day.getTime() - DAY_MS).getDay() === 0 ? 2 : 1;
  return new Date(wallClock(isoDate(zoned(day.getTime() - back * DAY_MS)), 10).getTime());
}

/** The reminder is due: its moment has come, the event has not started, none went before. */
export const reminderDue = (e: PublicEvent, now: Date) =>
  e.status === 'published' &&
  !e.remindedAt &&
  reminderMoment(e).getTime() <= now.getTime() &&
  now.getTime() < Date.parse(e.start);
