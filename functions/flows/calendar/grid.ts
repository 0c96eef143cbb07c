/**
 * The calendar's month and week as Amsterdam's calendar has them: weeks from Monday to Sunday, a
 * day from midnight to midnight on Amsterdam's wall clock (23 or 25 hours when summer time starts
 * or ends), each entry on the day its moment falls in Amsterdam. Dates are counted as plain
 * calendar dates (UTC date arithmetic, where every day has 24 hours); only the window's ends are
 * instants, each an Amsterdam midnight.
 */
import { getISOWeek } from 'date-fns/getISOWeek';
import type { DateWindow } from '../../engine/date-window';
import { isoDate, utcIso, wallClock, zoned } from '../../platform/time';

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  /** In the month shown (a month's grid starts and ends with days of the months around it). */
  inMonth: boolean;
  today: boolean;
}

export interface MonthGrid {
  /** YYYY-MM */
  month: string;
  weeks: { week: number; days: CalendarDay[] }[];
  window: DateWindow;
  prev: string;
  next: string;
}

export interface WeekGrid {
  /** The Monday, YYYY-MM-DD. */
  monday: string;
  week: number;
  days: CalendarDay[];
  window: DateWindow;
  prev: string;
  next: string;
}

const DAY_MS = 86_400_000;
const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);
/** `date` plus `n` calendar days. */
export const addDays = (date: string, n: number) => fromUtc(new Date(asUtc(date).getTime() + n * DAY_MS));
/** 0 for Monday … 6 for Sunday. */
const weekday = (date: string) => (asUtc(date).getUTCDay() + 6) % 7;
/** The Monday of the week the date is in. */
export const mondayOf = (date: string) => addDays(date, -weekday(date));

/** The Amsterdam calendar date an instant falls on. */
export const dayOf = (iso: string) => isoDate(zoned(iso));

/** From Amsterdam's midnight at the start of `first` to the one after `last`. */
function windowOf(first: string, last: string): DateWindow {
  return { from: utcIso(wallClock(first)), to: utcIso(wallClock(addDays(last, 1))) };
}

export const isMonth = (s: string | undefined): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
/** A real calendar date: 2027-02-30 is not one. */
export const isDate = (s: string | undefined): s is string =>
  !!s &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(wallClock(s).getTime()) &&
  s >= '1970-01-01' &&
  s <= '9999-12-31';

function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The month's weeks, Monday first, with the days before and after it that complete them. */
export function monthGrid(month: string, today: string): MonthGrid {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const start = mondayOf(first);
  const end = addDays(mondayOf(last), 6);
  const weeks: MonthGrid['weeks'] = [];
  for (let monday = start; monday <= end; monday = addDays(monday, 7)) {
    const days = [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const date = addDays(monday, i);
      return { date, inMonth: date.startsWith(month), today: date === today };
    });
    weeks.push({ week: getISOWeek(asUtc(monday)), days });
  }
  return { month, weeks, window: windowOf(start, end), prev: shiftMonth(month, -1), next: shiftMonth(month, 1) };
}

/** The week (Monday to Sunday) that holds `date`. */
export function weekGrid(date: string, today: string): WeekGrid {
  const monday = mondayOf(date);
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => {
    const d = addDays(monday, i);
    return { date: d, inMonth: true, today: d === today };
  });
  return {
    monday,
    week: getISOWeek(asUtc(monday)),
    days,
    window: windowOf(monday, addDays(monday, 6)),
    prev: addDays(monday, -7),
    next: addDays(monday, 7),
  };
}

/** Entries by the Amsterdam day they fall on. */
export function byDay<E extends { start: string }>(entries: E[]): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of entries) {
    const d = dayOf(e.start);
    out.set(d, [...(out.get(d) ?? []), e]);
  }
  return out;
}
