/**
 * The shape of a round request, validated the same way wherever it comes from: the JSON API and
 * the console's form both end in this schema.
 */
import * as z from 'zod/mini';
import { cleanText } from '../domain/clean-text';
import { hasDuplicateReminders } from '../domain/horizons';
import { isIsoDateTimeWithOffset, isIsoDuration } from '../domain/time';
import { MAX_APPROVERS } from '../services/rounds';

/** Free text, cleaned first (domain/clean-text.ts); one line unless `multiline` (then newlines and tabs stay). */
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
// Quorum is a share that must be exceeded: 1 (more than everyone) could never be met.
const quorum = z.optional(z.number().check(z.gt(0), z.lt(1)));

const RuleInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('majority'), quorum }),
  z.strictObject({ type: z.literal('unanimous') }),
  z.strictObject({ type: z.literal('consent'), quorum }),
  z.strictObject({ type: z.literal('consensus-then-majority'), consentDeadline: isoWithOffset, quorum }),
  z.strictObject({ type: z.literal('first-response') }),
]);

export const CreateRound = z
  .strictObject({
    title: text(3, 200),
    summary: text(1, 5000, true),
    documents: z._default(
      z.array(z.strictObject({ title: text(1, 200), url: webAddress(/^https?$/) })).check(z.maxLength(20)),
      [],
    ),
    bodyId: z.optional(z.string().check(z.minLength(1))),
    approverIds: z.optional(
      z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(MAX_APPROVERS)),
    ),
    rule: RuleInput,
    deadline: isoWithOffset,
    reminders: reminderList('P3D or PT12H'),
  })
  .check(
    z.refine((v) => Boolean(v.bodyId) !== Boolean(v.approverIds), {
      message: 'give either bodyId or approverIds, not both',
      path: ['bodyId'],
    }),
  );
