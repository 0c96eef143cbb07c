/**
 * ISO 8601 durations (P1D, PT12H, P1W, -P1DT2H, PT1.5S), as people give reminders and as the
 * local clock is moved. The grammar is the one luxon read (its regular expression, signs included),
 * so every duration stored or accepted before reads the same. Adding one follows luxon's rule too:
 * years, months, weeks and days whole on the calendar of the zone (so P1D across a change of summer
 * time is 23 or 25 hours and keeps the wall-clock time), hours and smaller, and any fraction of a
 * calendar unit, as elapsed time. No library here reads the same grammar: tinyduration's and
 * iso8601-duration's patterns are not anchored (they find "P1D" inside "xP1Dy"), and date-fns has
 * no ISO duration parser.
 */
import { TZDate } from '@date-fns/tz';

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

const ISO_DURATION =
  /^-?P(?:(?:(-?\d{1,20}(?:\.\d{1,20})?)Y)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20}(?:\.\d{1,20})?)W)?(?:(-?\d{1,20}(?:\.\d{1,20})?)D)?(?:T(?:(-?\d{1,20}(?:\.\d{1,20})?)H)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20})(?:[.,](-?\d{1,20}))?S)?)?)$/;

/** The duration, or null when the text is not one. A leading minus negates every part (a negative part twice). */
export function parseIsoDuration(text: string): IsoDuration | null {
  const m = ISO_DURATION.exec(text);
  if (!m) return null;
  const negative = text.startsWith('-');
  const value = (s: string | undefined) => (s ? Number.parseFloat(s) : 0);
  const signed = (v: number) => (negative && v !== 0 ? -v : v);
  const fraction = m[8] ? Math.floor(Number.parseFloat(`0.${m[8]}`) * 1000) : 0;
  return {
    years: signed(value(m[1])),
    months: signed(value(m[2])),
    weeks: signed(value(m[3])),
    days: signed(value(m[4])),
    hours: signed(value(m[5])),
    minutes: signed(value(m[6])),
    seconds: signed(value(m[7])),
    // The fraction of a second takes the sign of the seconds written before it.
    milliseconds: m[7]?.startsWith('-') ? -fraction : signed(fraction),
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Calendar units as elapsed time, the "casual" reckoning: a day of 24 hours, a month of 30 days, a year of 365. */
const MS = {
  years: 365 * DAY,
  months: 30 * DAY,
  weeks: 7 * DAY,
  days: DAY,
  hours: HOUR,
  minutes: MINUTE,
  seconds: SECOND,
  milliseconds: 1,
} as const;

/** The duration in milliseconds, calendar units reckoned casually (P1D and PT24H are the same length). */
export function durationMs(d: IsoDuration): number {
  return (Object.keys(MS) as (keyof IsoDuration)[]).reduce((sum, unit) => sum + d[unit] * MS[unit], 0);
}

/** `at` plus (`sign` 1) or minus (-1) the duration, on the calendar of `at`'s zone. */
export function addDuration(at: TZDate, d: IsoDuration, sign: 1 | -1 = 1): TZDate {
  const part = (v: number) => v * sign;
  const whole = (v: number) => Math.trunc(part(v));
  let t = at;
  const months = whole(d.years) * 12 + whole(d.months);
  const days = whole(d.days) + whole(d.weeks) * 7;
  if (months !== 0 || days !== 0) {
    // Months and days in one step, from the wall-clock reading: a month that ends in the hour
    // skipped in March does not move the time of the days added after it.
    const month = at.getMonth() + months;
    const lastDay = new Date(Date.UTC(at.getFullYear(), month + 1, 0)).getUTCDate();
    const day = Math.min(at.getDate(), lastDay) + days;
    t = new TZDate(
      at.getFullYear(),
      month,
      day,
      at.getHours(),
      at.getMinutes(),
      at.getSeconds(),
      at.getMilliseconds(),
      at.timeZone,
    );
    // A reading that comes twice (the October hour) keeps the offset of the time counted from, if it can.
    const sameOffset = new TZDate(t.getTime() + (at.getTimezoneOffset() - t.getTimezoneOffset()) * 60_000, at.timeZone);
    if (sameOffset.getTimezoneOffset() === at.getTimezoneOffset()) t = sameOffset;
  }
  const elapsed = durationMs({
    years: part(d.years) - whole(d.years),
    months: part(d.months) - whole(d.months),
    weeks: part(d.weeks) - whole(d.weeks),
    days: part(d.days) - whole(d.days),
    hours: part(d.hours),
    minutes: part(d.minutes),
    seconds: part(d.seconds),
    milliseconds: part(d.milliseconds),
  });
  return elapsed === 0 ? t : new TZDate(t.getTime() + elapsed, t.timeZone);
}
