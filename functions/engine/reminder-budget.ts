/**
 * The reminder budget of one person, across all flows: reminders that fall due are held and
 * combined into one message, at most one per day (or per week, by preference), never in quiet
 * hours (21:00–08:00) or on Sundays, in Europe/Amsterdam time. Deadlines win: when holding a
 * reminder back would make it arrive after its deadline, it goes in time, at the latest allowed
 * moment before the deadline, or at once when there is none. Invitations, receipts and
 * outcomes are not reminders and never pass through here.
 *
 * The budget's moments are whole hours; each person's message goes at their own moment within the
 * first quarter of that hour (`spreadOf`, stable per person), so that a thousand people due the
 * same morning do not all wake the digest in the same second (docs/architecture.md).
 */
import { createHash } from 'node:crypto';
import type { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addMinutes } from 'date-fns/addMinutes';
import { addSeconds } from 'date-fns/addSeconds';
import { getISODay } from 'date-fns/getISODay';
import { isEqual } from 'date-fns/isEqual';
import { set } from 'date-fns/set';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfHour } from 'date-fns/startOfHour';
import { utcIso, zoned } from '../platform/time';

export interface PendingReminder {
  id: string;
  /** When the flow wants the reminder to go out. */
  dueAt: string;
  /** The deadline it reminds of: after that moment the reminder is useless. */
  deadline: string;
}

export interface BudgetPreferences {
  digest: 'daily' | 'weekly';
  quietFromHour: number;
  quietUntilHour: number;
  sundayQuiet: boolean;
  /**
   * How many seconds past the budget's whole hour this person's message goes (under
   * SPREAD_MINUTES × 60; `spreadOf`). 0: on the hour.
   */
  spreadSeconds?: number;
}

export const DEFAULT_BUDGET: BudgetPreferences = {
  digest: 'daily',
  quietFromHour: 21,
  quietUntilHour: 8,
  sundayQuiet: true,
};

/**
 * The window past each whole hour over which people's messages are spread. Under an hour, so a
 * moment allowed on the hour stays allowed (quiet hours begin and end on the hour) and on the same
 * day; well under DEADLINE_MARGIN_MINUTES, so a message held back for its deadline keeps most of
 * its margin. A thousand people due at 08:00 then go at about one a second (1.1/s), far below
 * SES's sending rate and the digest's reserved concurrency.
 */
export const SPREAD_MINUTES = 15;

/** A person's stable moment within the spread window, in whole seconds (Scheduler's `at(...)` precision). */
export function spreadOf(personId: string): number {
  const h = createHash('sha256').update(personId).digest();
  return h.readUInt32BE(0) % (SPREAD_MINUTES * 60);
}

export interface ReminderPlan {
  sendAt: string;
  /** Every reminder due by then, combined into one message. */
  ids: string[];
  /** True when a deadline made the message go outside the budget's normal moments. */
  forced: boolean;
}

/**
 * A reminder held back for its deadline is planned at least this long before it: a message the
 * deadline forces goes at that moment; any other at most SPREAD_MINUTES later, so it still
 * arrives at least 45 minutes before the deadline.
 */
export const DEADLINE_MARGIN_MINUTES = 60;

/** A person's budget from their stored preference and id; quiet hours are the same for everyone. */
export function budgetOf(person: { id?: string; reminderPreference?: string }): BudgetPreferences {
  return {
    ...DEFAULT_BUDGET,
    digest: person.reminderPreference === 'weekly' ? 'weekly' : 'daily',
    spreadSeconds: person.id ? spreadOf(person.id) : 0,
  };
}

const at = (iso: string) => zoned(iso);
const isSunday = (t: TZDate) => getISODay(t) === 7;

function isQuiet(t: TZDate, p: BudgetPreferences): boolean {
  return (p.sundayQuiet && isSunday(t)) || t.getHours() >= p.quietFromHour || t.getHours() < p.quietUntilHour;
}

/** The first moment at or after `t` outside quiet hours. */
export function nextAllowed(t: TZDate, p: BudgetPreferences): TZDate {
  let d = zoned(t);
  for (let i = 0; i < 10 && isQuiet(d, p); i++) {
    const next =
      d.getHours() >= p.quietFromHour || (p.sundayQuiet && isSunday(d) && d.getHours() >= p.quietUntilHour)
        ? addDays(d, 1)
        : d;
    d = set(next, { hours: p.quietUntilHour, minutes: 0, seconds: 0, milliseconds: 0 });
  }
  return d;
}

/**
 * The last whole hour at or before `latest` (and not before `earliest`) outside quiet hours, if
 * any: the budget's moments are whole hours (see `tickAfter`).
 */
function lastAllowedBefore(latest: TZDate, earliest: TZDate, p: BudgetPreferences): TZDate | null {
  let d = startOfHour(latest);
  for (let i = 0; i < 10 && d >= earliest; i++) {
    if (!isQuiet(d, p)) return d;
    // Step back to the last hour before the quiet period started (the day before, for mornings and Sundays).
    const lastHour = { hours: p.quietFromHour - 1, minutes: 0, seconds: 0, milliseconds: 0 };
    d =
      d.getHours() >= p.quietFromHour && !(p.sundayQuiet && isSunday(d))
        ? set(d, lastHour)
        : set(addDays(d, -1), lastHour);
  }
  return null;
}

/**
 * The budget's moment that first takes a reminder due at `t`: `t` itself on the hour, else the next
 * whole hour. Each person's schedule fires at the exact planned second, so the hours are no longer
 * the digest's tick; they are kept as the budget's grid: what falls due within one hour goes in one
 * message at the next hour, where moments to the minute would send the first alone and hold the
 * rest for the next day.
 */
const tickAfter = (t: TZDate): TZDate => (isEqual(t, startOfHour(t)) ? t : addHours(startOfHour(t), 1));

/** When the next reminder message for this person goes out, and what it holds; null when nothing is pending. */
export function planReminders(
  nowIso: string,
  pending: PendingReminder[],
  p: BudgetPreferences = DEFAULT_BUDGET,
  lastSentAt?: string,
): ReminderPlan | null {
  const live = pending.filter((r) => at(r.deadline) > at(nowIso));
  if (live.length === 0) return null;
  const now = at(nowIso);
  // A reminder can go at the first whole hour after it falls due; `now` is the person's planned
  // moment, or the moment a flow queues, and is never rounded up, so a digest that runs a little
  // late still sends.
  const later = (a: TZDate, b: TZDate) => (a > b ? a : b);
  let due = tickAfter(live.map((r) => at(r.dueAt)).reduce((a, b) => (b < a ? b : a)));
  if (lastSentAt) {
    const last = startOfDay(at(lastSentAt));
    const nextPeriod = addDays(last, p.digest === 'weekly' ? 7 : 1);
    if (nextPeriod > due) due = nextPeriod;
  }
  // The whole hour the message belongs to, were it not late: the base of the person's moment.
  const hour = nextAllowed(due, p);
  let sendAt = nextAllowed(later(due, now), p);
  let forced = false;
  // Deadlines win: the first deadline among reminders already due by its own deadline must be met,
  // with time to act on it.
  const latest = (r: PendingReminder): TZDate => startOfHour(addMinutes(at(r.deadline), -DEADLINE_MARGIN_MINUTES));
  const urgent = live
    .filter((r) => at(r.dueAt) < at(r.deadline) && sendAt > latest(r))
    .sort((a, b) => at(a.deadline).getTime() - at(b.deadline).getTime())[0];
  if (urgent) {
    const from = later(tickAfter(at(urgent.dueAt)), now);
    // No allowed hour left that keeps the margin: the first allowed moment still before the
    // deadline, or else at once (the deadline wins over quiet hours).
    const firstAllowed = nextAllowed(from, p);
    sendAt = lastAllowedBefore(latest(urgent), from, p) ?? (firstAllowed < at(urgent.deadline) ? firstAllowed : from);
    forced = true;
  } else {
    // The person's own moment past the hour: a future hour moves by it; a message already due
    // waits for it only within the hour it became due in (a flow that queued at 10:00:05 for a
    // whole round), never when the moment has passed (a schedule that fired late sends at once).
    // Not for a forced message: deadlines win over the spread too.
    sendAt = later(sendAt, addSeconds(sendAt > now ? sendAt : hour, p.spreadSeconds ?? 0));
  }
  const ids = live.filter((r) => at(r.dueAt) <= sendAt).map((r) => r.id);
  return { sendAt: utcIso(sendAt), ids, forced };
}
