/**
 * Working days in the Netherlands, for escalation steps that wait "N working days". A working
 * day is Monday to Friday except the days the Algemene termijnenwet (art. 3) puts on a par with
 * Sunday: Nieuwjaarsdag, tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, tweede Pinksterdag
 * and both Kerstdagen. Times are Europe/Amsterdam wall-clock times, so DST never shifts a step.
 */
import type { TZDate } from '@date-fns/tz';
import { easter } from 'date-easter';
import { addDays } from 'date-fns/addDays';
import { getISODay } from 'date-fns/getISODay';
import { isoDate, wallClock, zoned } from './time';

export interface PublicHoliday {
  date: string;
  name: string;
}

const cache = new Map<number, PublicHoliday[]>();

export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const e = easter(year);
  const fixed = (month: number, day: number) =>
    wallClock(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const easterDay = fixed(e.month, e.day);
  // Koningsdag moves to the 26th when the 27th is a Sunday.
  const kingsDay = getISODay(fixed(4, 27)) === 7 ? fixed(4, 26) : fixed(4, 27);
  const days: [TZDate, string][] = [
    [fixed(1, 1), 'Nieuwjaarsdag'],
    [easterDay, 'Eerste Paasdag'],
    [addDays(easterDay, 1), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    [fixed(5, 5), 'Bevrijdingsdag'],
    [addDays(easterDay, 39), 'Hemelvaartsdag'],
    [addDays(easterDay, 49), 'Eerste Pinksterdag'],
    [addDays(easterDay, 50), 'Tweede Pinksterdag'],
    [fixed(12, 25), 'Eerste Kerstdag'],
    [fixed(12, 26), 'Tweede Kerstdag'],
  ];
  const list = days.map(([d, name]) => ({ date: isoDate(d), name })).sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}

export function isWorkingDay(at: Date | string): boolean {
  const d = zoned(at);
  if (getISODay(d) >= 6) return false;
  const iso = isoDate(d);
  return !dutchPublicHolidays(d.getFullYear()).some((h) => h.date === iso);
}

/** The same wall-clock time, `count` working days later (or the next working day for 0 when `from` is not one). */
export function addWorkingDays(from: Date | string, count: number): Date {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number of days, 0 or more');
  let d = zoned(from);
  if (count === 0) {
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return new Date(d.getTime());
  }
  for (let left = count; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return new Date(d.getTime());
}
