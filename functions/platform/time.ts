/**
 * Times as people read them: Europe/Amsterdam, in their language. An instant read in a zone is a
 * `TZDate` (@date-fns/tz): its fields and date-fns's calendar functions (addDays, startOfDay, set)
 * work on that zone's wall clock, with the zone's rules from the runtime's own time zone data (Intl),
 * so summer time changes nothing about a wall-clock time. A wall-clock time skipped when summer time
 * starts moves an hour on; one given that comes twice when it ends (the October hour) is the later,
 * winter time (durations added keep the offset they start from: iso-duration.ts).
 */
import { TZDate } from '@date-fns/tz';
import { addDuration, durationMs, parseIsoDuration } from './iso-duration';

export const ZONE = 'Europe/Amsterdam';
export type Lang = 'nl' | 'en';

/**
 * An instant read in `zone` (Amsterdam unless told): an ISO 8601 date and time with offset or Z,
 * a Date, or epoch milliseconds. Date arithmetic in 'UTC' is plain elapsed time, day for day.
 */
export function zoned(at: string | Date | number, zone: string = ZONE): TZDate {
  return new TZDate(typeof at === 'string' ? Date.parse(at) : +at, zone);
}

/**
 * A calendar date (YYYY-MM-DD) at a wall-clock time in `zone`; an Invalid Date for a date that does
 * not exist (2027-02-30) or text that is no such date.
 */
export function wallClock(date: string, hour = 0, minute = 0, zone: string = ZONE): TZDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return new TZDate(Number.NaN, zone);
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  // Date.UTC rolls 2027-02-30 over into March: such a date is no date.
  const utc = new Date(Date.UTC(year, month, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month || utc.getUTCDate() !== day)
    return new TZDate(Number.NaN, zone);
  return new TZDate(year, month, day, hour, minute, zone);
}

/**
 * The instant in UTC, 2027-01-12T18:00:00.000Z, as instants are stored (a TZDate's own toISOString
 * writes its zone's offset instead).
 */
export const utcIso = (d: Date): string => new Date(d.getTime()).toISOString();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date in the date's own zone: 2027-01-12. */
export function isoDate(d: TZDate): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The wall-clock reading to the minute, as a datetime-local field holds it: 2027-01-12T19:00. */
export function localDateTime(d: TZDate): string {
  return `${isoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The instant with its zone's offset, to the millisecond: 2027-01-12T19:00:00.000+01:00 (the form
 * stored meetings and moves have always had; Z when the zone is UTC).
 */
export function isoWithOffset(d: TZDate): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = offset === 0 && d.timeZone === 'UTC' ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${localDateTime(d)}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${zone}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** A weekday's or month's name in Amsterdam, from the runtime's locale data. */
function nameOf(d: Date, locale: string, field: 'weekday' | 'month'): string {
  const key = `${locale} ${field}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { [field]: 'long', timeZone: ZONE });
    formatters.set(key, f);
  }
  return f.format(d);
}

/** "dinsdag 12 januari 2027 om 19:00 uur", "Tuesday 12 January 2027 at 19:00". */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = zoned(iso);
  const locale = lang === 'nl' ? 'nl' : 'en-GB';
  const date = `${nameOf(d, locale, 'weekday')} ${d.getDate()} ${nameOf(d, locale, 'month')} ${pad(d.getFullYear(), 4)}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return lang === 'nl' ? `${date} om ${time} uur` : `${date} at ${time}`;
}

const relative = new Map<string, Intl.RelativeTimeFormat>();
const RELATIVE_UNITS = ['years', 'months', 'days', 'hours', 'minutes', 'seconds'] as const;
type RelativeUnit = (typeof RELATIVE_UNITS)[number];

const NOTHING = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 };
const UNIT_MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000 };

/** Whole `unit`s from `from` to `to` (negative when `to` is earlier); years and months as they fall on the calendar. */
function wholeUnits(from: TZDate, to: TZDate, unit: RelativeUnit): number {
  if (to < from) return -wholeUnits(to, from, unit);
  const ms = to.getTime() - from.getTime();
  if (unit !== 'years' && unit !== 'months') return Math.floor(ms / UNIT_MS[unit]);
  // As many as fit when each is added to the start (a month from 31 January ends on 28 February).
  const after = (n: number) => addDuration(from, { ...NOTHING, [unit]: n }).getTime();
  let n = Math.floor(ms / ((unit === 'years' ? 366 : 31) * UNIT_MS.days));
  while (after(n + 1) <= to.getTime()) n += 1;
  return n;
}

/**
 * How far `iso` lies from `base`, in the largest unit of which it is at least one whole, rounded
 * toward zero: "over 3 dagen", "in 2 months", "5 minutes ago". Counted on UTC's calendar, as
 * the functions have always counted it (the Lambda runtime's zone).
 */
export function relativeTime(iso: string, base: Date, lang: Lang): string {
  const [from, to] = [zoned(base, 'UTC'), zoned(iso, 'UTC')];
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return '';
  let f = relative.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
    relative.set(lang, f);
  }
  for (const unit of RELATIVE_UNITS) {
    const n = wholeUnits(from, to, unit);
    if (Math.abs(n) >= 1) return f.format(n, unit);
  }
  return f.format(to < from ? -0 : 0, 'seconds');
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A real date and time with its offset: 2026-09-24T17:00:00+02:00 (no 30 February, no 25:00). */
export function isIsoDateTimeWithOffset(value: string): boolean {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const utc = new Date(Date.UTC(year, month - 1, day));
  const dateExists = utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
  // 24:00 is the end of the day, as ISO 8601 allows.
  const endOfDay = hour === 24 && minute === 0 && second === 0 && !/[1-9]/.test(m[7] ?? '');
  const timeExists = (hour <= 23 || endOfDay) && minute <= 59 && second <= 59;
  const offsetExists = m[8] === 'Z' || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return dateExists && timeExists && offsetExists;
}

/** A duration such as P2D or PT12H, longer than nothing. */
export function isIsoDuration(value: string): boolean {
  const d = parseIsoDuration(value);
  return d !== null && durationMs(d) > 0;
}

/** The moment `duration` after `date`, its days counted on Amsterdam's calendar (an Invalid Date for no duration). */
export function addIsoDuration(date: Date, duration: string): Date {
  const d = parseIsoDuration(duration);
  return new Date(d ? addDuration(zoned(date), d).getTime() : Number.NaN);
}

/**
 * The moment `duration` before `at` (an ISO instant) as an ISO instant in UTC, its days counted on
 * `zone`'s calendar; null when there is none (no duration, or one too large for a date).
 */
export function isoDurationBefore(at: string, duration: string, zone: string): string | null {
  const d = parseIsoDuration(duration);
  const t = d ? addDuration(zoned(at, zone), d, -1).getTime() : Number.NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
