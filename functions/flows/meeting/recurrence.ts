/**
 * The plain-language recurrence picker behind the console's series form: what the office chooses
 * ("every second Tuesday of the month") as the RFC 5545 rule the series keeps, the rule read back
 * into a choice (so a series made through the API is described in words too), the choice in Dutch
 * or English words, and the next meetings it gives. Pure rules, no AWS.
 */
import { addYears } from 'date-fns/addYears';
import type { Lang } from '../../platform/time';
import { utcIso, wallClock, zoned } from '../../platform/time';
import { RECURRENCE_WORDS as WORDS } from './recurrence-words';

/** The weekdays, ordinals and months the picker's fields name: the same words its description uses. */
export { RECURRENCE_WORDS } from './recurrence-words';
import { checkRule, DEFAULT_LEAD_TIMES, type MeetingSeries, occurrences } from './series';

export const FREQUENCIES = ['weekly', 'monthly', 'half-yearly', 'yearly'] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** Which one of the weekday in its month: first to fourth, or the last (-1). */
export const ORDINALS = [1, 2, 3, 4, -1] as const;

export type Frequency = (typeof FREQUENCIES)[number];
export type Weekday = (typeof WEEKDAYS)[number];

export interface Recurrence {
  frequency: Frequency;
  /** Every n weeks or months (weekly and monthly only; half-yearly is every six months). */
  interval: number;
  /** Monthly, half-yearly and yearly: on a date of the month, or on the n-th weekday of it. */
  by: 'date' | 'weekday';
  weekday: Weekday;
  ordinal: (typeof ORDINALS)[number];
  /** 1 to 28, so that every month has the day. */
  monthDay: number;
  /** Yearly: the month, 1 to 12. */
  month: number;
}

/** The rule the series keeps: the same shapes the API's examples use. */
export function toRrule(r: Recurrence): string {
  const on = r.by === 'date' ? `BYMONTHDAY=${r.monthDay}` : `BYDAY=${r.weekday};BYSETPOS=${r.ordinal}`;
  const every = (n: number) => (n > 1 ? `;INTERVAL=${n}` : '');
  switch (r.frequency) {
    case 'weekly':
      return `FREQ=WEEKLY${every(r.interval)};BYDAY=${r.weekday}`;
    case 'monthly':
      return `FREQ=MONTHLY${every(r.interval)};${on}`;
    case 'half-yearly':
      return `FREQ=MONTHLY;INTERVAL=6;${on}`;
    case 'yearly':
      return `FREQ=YEARLY;BYMONTH=${r.month};${on}`;
  }
}

const DEFAULTS: Recurrence = {
  frequency: 'monthly',
  interval: 1,
  by: 'weekday',
  weekday: 'TU',
  ordinal: 2,
  monthDay: 1,
  month: 6,
};

/** A rule as the picker's choice, or null when the picker cannot say it (the page then shows the rule itself). */
export function fromRrule(rule: string): Recurrence | null {
  const parts = new Map(rule.split(';').map((p) => p.split('=') as [string, string]));
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYSETPOS', 'BYMONTHDAY', 'BYMONTH']);
  if ([...parts.keys()].some((k) => !known.has(k))) return null;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const r: Recurrence = { ...DEFAULTS, interval };
  const day = parts.get('BYDAY');
  // "2TU" is the same as BYDAY=TU;BYSETPOS=2 for a single weekday.
  const dayMatch = day ? /^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day) : null;
  if (day && !dayMatch) return null;
  if (dayMatch) r.weekday = dayMatch[2] as Weekday;
  const setpos = parts.get('BYSETPOS') ?? dayMatch?.[1];
  const monthDay = parts.get('BYMONTHDAY');
  if (monthDay) {
    if (day || !/^([1-9]|1\d|2[0-8])$/.test(monthDay)) return null;
    r.by = 'date';
    r.monthDay = Number(monthDay);
  } else if (setpos) {
    if (!(ORDINALS as readonly number[]).includes(Number(setpos))) return null;
    r.ordinal = Number(setpos) as Recurrence['ordinal'];
  }
  const freq = parts.get('FREQ');
  if (freq === 'WEEKLY') {
    if (!day || setpos || monthDay || parts.has('BYMONTH')) return null;
    r.frequency = 'weekly';
  } else if (freq === 'MONTHLY') {
    if (parts.has('BYMONTH') || (!monthDay && !(day && setpos))) return null;
    r.frequency = interval === 6 ? 'half-yearly' : 'monthly';
    if (r.frequency === 'half-yearly') r.interval = 1;
  } else if (freq === 'YEARLY') {
    const month = Number(parts.get('BYMONTH'));
    if (interval !== 1 || !(month >= 1 && month <= 12) || (!monthDay && !(day && setpos))) return null;
    r.frequency = 'yearly';
    r.month = month;
  } else return null;
  return canonical(toRrule(r)) === canonical(rule) ? r : null;
}

// A rule's parts in one order, "2TU" spelled as BYDAY and BYSETPOS and INTERVAL=1 left out, to compare two rules.
const canonical = (rule: string) =>
  rule
    .replace(/BYDAY=(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)/, 'BYDAY=$2;BYSETPOS=$1')
    .split(';')
    .filter((p) => p !== 'INTERVAL=1')
    .sort()
    .join(';');

/**
 * The choice in words with its time: "elke tweede dinsdag van de maand, 19:00–21:00". The half
 * year's months follow from the first date the series may have.
 */
export function describe(r: Recurrence, startsOn: string, startTime: string, minutes: number, lang: Lang): string {
  const w = WORDS[lang];
  const day = w.days[r.weekday];
  const month = (m: number) => w.months[(m + 12) % 12];
  const inMonth = (m?: string) =>
    r.by === 'date' ? w.onDate(r.monthDay, m) : w.onWeekday(w.ordinals[r.ordinal], day, m);
  let words: string;
  if (r.frequency === 'weekly') words = w.weekly(r.interval, day);
  else if (r.frequency === 'monthly')
    words =
      r.by === 'weekday' && r.interval === 1
        ? w.monthlyWeekday(w.ordinals[r.ordinal], day)
        : w.monthly(r.interval, inMonth());
  else if (r.frequency === 'yearly') words = w.yearly(inMonth(month(r.month - 1)));
  else {
    const first = Number(startsOn.slice(5, 7)) - 1;
    const [a, b] = [first % 6, (first % 6) + 6];
    words = w.halfYearly(month(a), month(b), inMonth());
  }
  return `${words}, ${startTime}–${endTime(startTime, minutes)}`;
}

/** The wall-clock end of a meeting starting at `startTime`, "21:00" (past midnight it wraps). */
export function endTime(startTime: string, minutes: number): string {
  const [h, m] = startTime.split(':').map(Number);
  const total = (h * 60 + m + minutes) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The next `count` meetings the rule gives from `from` (or from its first day, if later), with the
 * series' own reading of the rule (series.ts), so the preview shows what the series will plan.
 */
export function nextStarts(
  rule: string,
  startsOn: string,
  startTime: string,
  durationMinutes: number,
  from: Date,
  count = 5,
): string[] {
  if (checkRule(rule) || !wallClock(startsOn).getTime()) return [];
  const series: MeetingSeries = {
    ...{ id: 'preview', bodyId: '', title: '', chairId: '', secretaryId: '', createdAt: '', createdBy: '' },
    ...{ rrule: rule, startsOn, startTime, durationMinutes, leadTimes: DEFAULT_LEAD_TIMES },
    ...{ moved: {}, cancelled: {}, added: [], status: 'active', version: 1 },
  };
  const start = zoned(Math.max(from.getTime(), wallClock(startsOn).getTime()), 'UTC');
  return occurrences(series, utcIso(start), utcIso(addYears(start, 6)))
    .slice(0, count)
    .map((o) => o.start);
}
