/** The field shapes every request uses: cleaned text, web addresses, moments with an offset, reminder lists. */
import * as z from 'zod/mini';
import { cleanText } from './clean-text';
import { hasDuplicateReminders } from './horizons';
import { isIsoDateTimeWithOffset, isIsoDuration } from './time';

/** Free text, cleaned first (clean-text.ts); one line unless `multiline` (then newlines and tabs stay). */
export const text = (min: number, max: number, multiline = false) =>
  z.string().check(
    z.overwrite((s) => cleanText(s, multiline)),
    z.trim(),
    z.minLength(min, `must be at least ${min} characters`),
    z.maxLength(max, `must be at most ${max} characters`),
  );
/** A web address, cleaned like text first: hidden characters could make "…/\u202Efdp.exe" show as "…/exe.pdf". */
export const webAddress = (protocol: RegExp) => z.pipe(text(1, 2000), z.url({ protocol }));
export const isoWithOffset = z
  .string()
  .check(
    z.refine(isIsoDateTimeWithOffset, 'use an ISO-8601 date and time with offset, e.g. 2026-09-24T17:00:00+02:00'),
  );
/** Reminders as durations before the deadline: each moment once, at most ten. */
export const reminderList = (example: string) =>
  z._default(
    z.array(z.string().check(z.refine(isIsoDuration, `use an ISO-8601 duration such as ${example}`))).check(
      z.maxLength(10),
      z.refine((list) => !hasDuplicateReminders(list), 'give each reminder once'),
    ),
    [],
  );
