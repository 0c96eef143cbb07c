/**
 * The reminder budget of one person, across all flows: reminders that fall due are held and
 * combined into one message, at most one per day (or per week, by preference), never in quiet
 * hours (21:00–08:00) or on Sundays, in Europe/Amsterdam time. Deadlines win: when holding a
 * reminder back would make it arrive after its deadline, it goes in time, at the latest allowed
 * moment before the deadline, or at once when there is none. Invitations, receipts and
 * outcomes are not reminders and never pass through here.
 */
import type { TZDate } from '@date-fns/tz';
import { addDays, addHours, addMinutes, getISODay, isEqual, set, startOfDay, startOfHour } from 'date-fns';
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
}

export const DEFAULT_BUDGET: BudgetPreferences = {
  digest: 'daily',
  quietFromHour: 21,
  quietUntilHour: 8,
  sundayQuiet: true,
};

export interface ReminderPlan {
  sendAt: string;
  /** Every reminder due by then, combined into one message. */
  ids: string[];
  /** True when a deadline made the message go outside the budget's normal moments. */
  forced: boolean;
}

/** A reminder held back for its deadline still arrives this long before it. */
export const DEADLINE_MARGIN_MINUTES = 60;

/** A person's budget from their stored preference; quiet hours are the same for everyone. */
export function budgetOf(person: { reminderPreference?: string }): BudgetPreferences {
  return { ...DEFAULT_BUDGET, digest: person.reminderPreference === 'weekly' ? 'weekly' : 'daily' };
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
 * any. Whole hours, because the digest tick runs on the hour: a plan for 20:59 would only be
 * seen at 21:00, inside quiet hours.
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

/** The digest tick that first sees a moment: the moment itself on the hour, else the next hour. */
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
  // A reminder can go at the first tick (whole hour) after it falls due; `now` is a tick, or the
  // moment a flow queues, and is never rounded up, so a tick that runs a little late still sends.
  const later = (a: TZDate, b: TZDate) => (a > b ? a : b);
  const firstDue = tickAfter(live.map((r) => at(r.dueAt)).reduce((a, b) => (b < a ? b : a)));
  let earliest = later(firstDue, now);
  if (lastSentAt) {
    const last = startOfDay(at(lastSentAt));
    const nextPeriod = addDays(last, p.digest === 'weekly' ? 7 : 1);
    if (nextPeriod > earliest) earliest = nextPeriod;
  }
  let sendAt = nextAllowed(earliest, p);
  let forced = false;
  // Deadlines win: the first deadline among reminders already due by its own deadline must be met,
  // with time to act on it (and for the hourly digest tick to pick it up).
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
  }
  const ids = live.filter((r) => at(r.dueAt) <= sendAt).map((r) => r.id);
  return { sendAt: utcIso(sendAt), ids, forced };
}
