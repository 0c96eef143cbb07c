/**
 * What the programme office may send to create and steer action items: one schema each,
 * used by the API (JSON) and the console (forms), so both check exactly the same.
 */
import * as z from 'zod/mini';
import { isoWithOffset, text } from '../../platform/schemas';

/** Where an item was agreed: the shape in the message, because a plain text here is the usual mistake. */
const ORIGIN_SHAPE =
  'must be an object {"kind": "office|meeting|decision", "ref": "…"} (ref optional, at most 200 characters)';

export const CreateFollowUp = z.strictObject({
  what: text(3, 300, true),
  /** What is asked beyond the title, one question a line: in the owner's reminders and on their page. */
  details: z.optional(text(1, 2000, true)),
  origin: z._default(
    z.strictObject(
      { kind: z.enum(['meeting', 'decision', 'office']), ref: z.optional(text(1, 200)) },
      { error: (issue) => (issue.code === 'invalid_type' && issue.input !== undefined ? ORIGIN_SHAPE : undefined) },
    ),
    { kind: 'office' as const },
  ),
  ownerPersonId: z.optional(z.string().check(z.minLength(1))),
  ownerOrganisationId: z.optional(z.string().check(z.minLength(1))),
  due: isoWithOffset,
  bodyId: z.string().check(z.minLength(1)),
});

/** The office steers an action item: closes it with its result, or sets a new date (no approval needed). */
export const SteerFollowUp = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('done'), result: text(1, 1000, true) }),
  z.strictObject({ action: z.literal('move'), due: isoWithOffset, reason: text(3, 500, true) }),
]);
