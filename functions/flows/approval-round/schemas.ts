/**
 * The shape of a round request, validated the same way wherever it comes from: the JSON API and
 * the console's form both end in this schema.
 */
import * as z from 'zod/mini';
import { isoWithOffset, reminderList, text, webAddress } from '../../platform/schemas';
import { MAX_APPROVERS } from './create-round';

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
