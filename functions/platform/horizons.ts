/**
 * How far ahead each date people give may lie. A Standard Step Functions workflow ends after one
 * year, so nothing a workflow waits for may be later than that from the moment it starts; each
 * horizon leaves room for what follows the date (reminders after it, the escalation ladder,
 * minutes and review). The same numbers are in docs/decision-rules.md.
 */
import { durationMs, parseIsoDuration } from './iso-duration';
import { isoDurationBefore, ZONE } from './time';

export const HORIZON_DAYS = {
  /** An input round's deadline, from its start (a round's deadline: MAX_ROUND_DAYS in services/rounds.ts). */
  inputDeadline: 330,
  /** An action item's due date, from the item's creation: the ladder runs on for about four weeks after it. */
  itemDue: 300,
  /** A one-off or moved meeting, from now: its workflow runs on through minutes and review. */
  meetingStart: 300,
  /** The first day of a meeting series, from now (its workflows start only near each meeting). */
  seriesStart: 365,
  /** The date a partner promises to deliver by, from now (informational: nothing waits for it). */
  promisedDate: 365,
  /** A cycle's anchor date, from now: the SPUK application is prepared a year or so ahead. */
  cycleAnchor: 730,
  /** How far a cycle's plan runs past its latest anchor (its repeats): a SPUK term is three years. */
  cyclePlan: 1100,
} as const;

const DAY_MS = 86400_000;

/** True when `iso` lies no more than `days` after `from`. */
export function withinDays(iso: string, from: Date | string, days: number): boolean {
  return Date.parse(iso) <= new Date(from).getTime() + days * DAY_MS;
}

/** Reminders are given as durations before the deadline; the same moment twice (P1D and PT24H) is a duplicate. */
export function hasDuplicateReminders(reminders: string[]): boolean {
  const moments = reminders.map((d) => {
    const parsed = parseIsoDuration(d);
    return parsed ? durationMs(parsed) : Number.NaN;
  });
  return new Set(moments).size !== moments.length;
}

/** The field message for reminders that would fall at or before now. */
export function tooEarlyMessage(early: string[]): string {
  return `these reminders would fall before now: ${early.join(', ')}; choose shorter ones or a later deadline`;
}

/** A reminder that would fall at or before now can never be sent: its duration is longer than the time left. */
export function remindersTooEarly(reminders: string[], deadline: string, now: Date): string[] {
  // A duration too large to compute gives no moment, and no moment after now either.
  return reminders.filter((d) => {
    const at = isoDurationBefore(deadline, d, ZONE);
    return !(at !== null && Date.parse(at) > now.getTime());
  });
}
