/**
 * The series form as the API's request: the picker's fields become the recurrence and its RRULE,
 * the rest is the API's CreateSeries as typed, and the series' own refusals (English, per API field)
 * become the form's fields in the console's words. Pure: the route checks with the API's schema.
 */
import { type Recurrence, recurrence } from '../meeting';
import type { Lang } from '../../platform/time';
import type { Form } from './http';
import { meetingPageWords } from './meeting-words';

export type Values = Record<string, string>;

export const SERIES_FIELDS = [
  'title',
  'bodyId',
  'chairId',
  'secretaryId',
  'frequency',
  'interval',
  'by',
  'ordinal',
  'weekday',
  'monthDay',
  'month',
  'startsOn',
  'startTime',
  'durationMinutes',
  'location',
  'onlineUrl',
] as const;

/** The form as typed, kept to show again. */
export function seriesValues(form: Form): Values {
  return Object.fromEntries(SERIES_FIELDS.map((f) => [f, form.text(f)]));
}

/** What a new series form starts with: the kerngroep's rhythm, the second Tuesday at 19:00 for two hours. */
export const NEW_SERIES: Values = {
  frequency: 'monthly',
  interval: '1',
  by: 'weekday',
  ordinal: '2',
  weekday: 'TU',
  monthDay: '1',
  month: '6',
  startTime: '19:00',
  durationMinutes: '120',
};

const whole = (s: string | undefined, min: number, max: number) =>
  s && /^\d{1,3}$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null;

/** The picker's choice, or the fields that are not a choice (in the console's words). */
export function recurrenceOf(v: Values, lang: Lang): { r: Recurrence } | { errors: Record<string, string> } {
  const e = meetingPageWords[lang].errors;
  const errors: Record<string, string> = {};
  // Each choice is one of the picker's own: anything else (a changed page) is refused, not guessed.
  const frequency = recurrence.FREQUENCIES.find((f) => f === v.frequency);
  const weekday = recurrence.WEEKDAYS.find((d) => d === v.weekday);
  const ordinal = recurrence.ORDINALS.find((o) => String(o) === v.ordinal);
  const by = v.by === 'date' || v.by === 'weekday' ? v.by : undefined;
  if (!frequency) errors.frequency = e.choose;
  if (!by) errors.by = e.choose;
  if (!weekday) errors.weekday = e.choose;
  if (!ordinal) errors.ordinal = e.choose;
  const interval = frequency === 'weekly' || frequency === 'monthly' ? whole(v.interval, 1, 12) : 1;
  if (interval === null) errors.interval = e.interval;
  const monthDay = by === 'date' && frequency !== 'weekly' ? whole(v.monthDay, 1, 28) : 1;
  if (monthDay === null) errors.monthDay = e.monthDay;
  const month = whole(v.month, 1, 12);
  if (month === null) errors.month = e.choose;
  if (!(frequency && by && weekday && ordinal && interval && monthDay && month)) return { errors };
  return { r: { frequency, interval, by, weekday, ordinal, monthDay, month } };
}

/** The API's CreateSeries from the form: empty optional fields left out, numbers as numbers. */
export function seriesRequest(v: Values, rrule: string) {
  return {
    bodyId: v.bodyId,
    title: v.title,
    rrule,
    startsOn: v.startsOn,
    startTime: v.startTime,
    durationMinutes: /^\d{1,4}$/.test(v.durationMinutes ?? '') ? Number(v.durationMinutes) : v.durationMinutes,
    ...(v.location ? { location: v.location } : {}),
    ...(v.onlineUrl ? { onlineUrl: v.onlineUrl } : {}),
    chairId: v.chairId,
    secretaryId: v.secretaryId,
  };
}

/** A refusal's fields (`rrule`, `leadTimes.…`) as the form's fields, each in the console's words. */
export function onForm(fields: Record<string, string>, lang: Lang): Record<string, string> {
  const e = meetingPageWords[lang].errors;
  const out: Record<string, string> = {};
  for (const field of Object.keys(fields)) {
    const id = field === 'rrule' ? 'frequency' : (SERIES_FIELDS as readonly string[]).includes(field) ? field : 'save';
    out[id] ??= e[field] ?? e.general;
  }
  return out;
}
