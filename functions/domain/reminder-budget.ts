/**
 * The reminder budget of one person, across all flows: reminders that fall due are held and
 * combined into one message, at most one per day (or per week, by preference), never in quiet
 * hours (21:00–08:00) or on Sundays, in Europe/Amsterdam time. Deadlines win: when holding a
 * reminder back would make it arrive after its deadline, it goes in time, at the latest allowed
 * moment before the deadline, or at once when there is none. Invitations, receipts and
 * outcomes are not reminders and never pass through here.
 */
import { DateTime } from 'luxon';
import { ZONE } from './time';

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

export const DEFAULT_BUDGET: BudgetPreferences = { digest: 'daily', quietFromHour: 21, quietUntilHour: 8, sundayQuiet: true };

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

const at = (iso: string) => DateTime.fromISO(iso).setZone(ZONE);

function isQuiet(t: DateTime, p: BudgetPreferences): boolean {
  return (p.sundayQuiet && t.weekday === 7) || t.hour >= p.quietFromHour || t.hour < p.quietUntilHour;
}

/** The first moment at or after `t` outside quiet hours. */
export function nextAllowed(t: DateTime, p: BudgetPreferences): DateTime {
  let d = t.setZone(ZONE);
  for (let i = 0; i < 10 && isQuiet(d, p); i++) {
    const next = d.hour >= p.quietFromHour || (p.sundayQuiet && d.weekday === 7 && d.hour >= p.quietUntilHour) ? d.plus({ days: 1 }) : d;
    d = next.set({ hour: p.quietUntilHour, minute: 0, second: 0, millisecond: 0 });
  }
  return d;
}

/** The last moment before `deadline` (and not before `earliest`) outside quiet hours, if any. */
function lastAllowedBefore(deadline: DateTime, earliest: DateTime, p: BudgetPreferences): DateTime | null {
  let d = deadline.minus({ minutes: 1 });
  for (let i = 0; i < 10 && d >= earliest; i++) {
    if (!isQuiet(d, p)) return d;
    // Step back to just before the quiet period started.
    d = d.hour < p.quietUntilHour ? d.minus({ days: 1 }).set({ hour: p.quietFromHour - 1, minute: 59, second: 0, millisecond: 0 })
      : d.hour >= p.quietFromHour ? d.set({ hour: p.quietFromHour - 1, minute: 59, second: 0, millisecond: 0 })
      : d.minus({ days: 1 }).set({ hour: p.quietFromHour - 1, minute: 59, second: 0, millisecond: 0 });
  }
  return null;
}

/** When the next reminder message for this person goes out, and what it holds; null when nothing is pending. */
export function planReminders(nowIso: string, pending: PendingReminder[], p: BudgetPreferences = DEFAULT_BUDGET, lastSentAt?: string): ReminderPlan | null {
  const live = pending.filter((r) => at(r.deadline) > at(nowIso));
  if (live.length === 0) return null;
  const now = at(nowIso);
  const firstDue = live.map((r) => at(r.dueAt)).reduce((a, b) => (b < a ? b : a));
  let earliest = firstDue < now ? now : firstDue;
  if (lastSentAt) {
    const last = at(lastSentAt).startOf('day');
    const nextPeriod = last.plus({ days: p.digest === 'weekly' ? 7 : 1 });
    if (nextPeriod > earliest) earliest = nextPeriod;
  }
  let sendAt = nextAllowed(earliest, p);
  let forced = false;
  // Deadlines win: the first deadline among reminders already due by its own deadline must be met,
  // with time to act on it (and for the hourly digest tick to pick it up).
  const latest = (r: PendingReminder) => at(r.deadline).minus({ minutes: DEADLINE_MARGIN_MINUTES });
  const urgent = live.filter((r) => at(r.dueAt) < at(r.deadline) && sendAt > latest(r)).sort((a, b) => at(a.deadline).toMillis() - at(b.deadline).toMillis())[0];
  if (urgent) {
    const from = at(urgent.dueAt) < now ? now : at(urgent.dueAt);
    sendAt = lastAllowedBefore(latest(urgent).plus({ minutes: 1 }), from, p) ?? from;
    forced = true;
  }
  const ids = live.filter((r) => at(r.dueAt) <= sendAt).map((r) => r.id);
  return { sendAt: sendAt.toUTC().toISO()!, ids, forced };
}
