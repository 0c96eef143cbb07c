/**
 * Working days in the Netherlands, for escalation steps that wait "N working days". A working
 * day is Monday to Friday except the days the Algemene termijnenwet (art. 3) puts on a par with
 * Sunday: Nieuwjaarsdag, tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, tweede Pinksterdag
 * and both Kerstdagen. Times are Europe/Amsterdam wall-clock times, so DST never shifts a step.
 */
import { easter } from 'date-easter';
import { DateTime } from 'luxon';
import { ZONE } from './time';

export interface PublicHoliday {
  date: string;
  name: string;
}

const cache = new Map<number, PublicHoliday[]>();

export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const e = easter(year);
  const easterDay = DateTime.fromObject({ year, month: e.month, day: e.day }, { zone: ZONE });
  const fixed = (month: number, day: number) => DateTime.fromObject({ year, month, day }, { zone: ZONE });
  // Koningsdag moves to the 26th when the 27th is a Sunday.
  const kingsDay = fixed(4, 27).weekday === 7 ? fixed(4, 26) : fixed(4, 27);
  const days: [DateTime, string][] = [
    [fixed(1, 1), 'Nieuwjaarsdag'],
    [easterDay, 'Eerste Paasdag'],
    [easterDay.plus({ days: 1 }), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    [fixed(5, 5), 'Bevrijdingsdag'],
    [easterDay.plus({ days: 39 }), 'Hemelvaartsdag'],
    [easterDay.plus({ days: 49 }), 'Eerste Pinksterdag'],
    [easterDay.plus({ days: 50 }), 'Tweede Pinksterdag'],
    [fixed(12, 25), 'Eerste Kerstdag'],
    [fixed(12, 26), 'Tweede Kerstdag'],
  ];
  const list = days.map(([d, name]) => ({ date: d.toISODate()!, name })).sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}

export function isWorkingDay(at: Date | string): boolean {
  const d = (typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at)).setZone(ZONE);
  if (d.weekday >= 6) return false;
  const iso = d.toISODate();
  return !dutchPublicHolidays(d.year).some((h) => h.date === iso);
}

/** The same wall-clock time, `count` working days later (or the next working day for 0 when `from` is not one). */
export function addWorkingDays(from: Date | string, count: number): Date {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number of days, 0 or more');
  let d = (typeof from === 'string' ? DateTime.fromISO(from) : DateTime.fromJSDate(from)).setZone(ZONE);
  const working = (x: DateTime) => isWorkingDay(x.toJSDate());
  if (count === 0) {
    while (!working(d)) d = d.plus({ days: 1 });
    return d.toJSDate();
  }
  for (let left = count; left > 0; ) {
    d = d.plus({ days: 1 });
    if (working(d)) left -= 1;
  }
  return d.toJSDate();
}
