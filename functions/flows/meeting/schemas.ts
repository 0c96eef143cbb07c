/**
 * What the office may send to define a series and to move, cancel or add one meeting: the API's
 * requests, and the console's forms checked by the same schemas, so the console cannot make what the API refuses.
 */
import * as z from 'zod/mini';
import { isoWithOffset, text, webAddress } from '../../platform/schemas';

const days = (min: number, max: number) => z.optional(z.int().check(z.minimum(min), z.maximum(max)));

export const CreateSeries = z.strictObject({
  bodyId: z.string().check(z.minLength(1)),
  title: text(3, 200),
  rrule: z.string().check(z.minLength(6), z.maxLength(200)),
  startsOn: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date such as 2027-01-01')),
  startTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a time such as 19:00')),
  durationMinutes: z.int().check(z.minimum(15), z.maximum(600)),
  location: z.optional(text(1, 300)),
  onlineUrl: z.optional(webAddress(/^https$/)),
  chairId: z.string().check(z.minLength(1)),
  secretaryId: z.string().check(z.minLength(1)),
  leadTimes: z.optional(
    z.strictObject({
      callDays: days(3, 60),
      agendaReminderDays: days(1, 30),
      agendaDeadlineDays: days(2, 30),
      minutesDays: days(1, 30),
      reviewDays: days(1, 30),
    }),
  ),
});
// The reason is optional for the API (it had none) and asked for by the console; it goes on the series' record.
export const Move = z.strictObject({
  start: isoWithOffset,
  location: z.optional(text(1, 300)),
  reason: z.optional(text(3, 500, true)),
});
export const Cancel = z.strictObject({ reason: text(3, 500, true) });
export const Add = z.strictObject({ start: isoWithOffset });

/** The series' own details, all at once as the console's form sends them, with the version the form showed. */
export const ChangeSeries = z.strictObject({
  version: z.int().check(z.minimum(1)),
  title: text(3, 200),
  location: z.optional(text(1, 300)),
  onlineUrl: z.optional(webAddress(/^https$/)),
  chairId: z.string().check(z.minLength(1)),
  secretaryId: z.string().check(z.minLength(1)),
});
