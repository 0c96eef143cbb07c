/**
 * What the office sends for a consultation, and what the public form sends. Checked by zod with
 * the shared field messages (platform/validation.ts); free text is cleaned on the way in.
 */
import * as z from 'zod/mini';
import { MAX_ANSWER_LENGTH } from './consultation';
import { isoWithOffset, text, webAddress } from '../../platform/schemas';

const doc = z.strictObject({ title: text(1, 200), url: webAddress(/^https?$/) });
const version = z.int().check(z.minimum(1));

export const CreateConsultation = z.strictObject({
  title: text(3, 200),
  question: text(3, 1000, true),
  explanation: text(3, 4000, true),
  documents: z._default(z.array(doc).check(z.maxLength(20)), []),
  deadline: isoWithOffset,
  /** Four-digit areas or ranges ("1060-1069"); absent or empty: anyone may answer. */
  areas: z.optional(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(50))),
  cycle: z.optional(z.strictObject({ cycleId: text(1, 100), phaseKey: text(1, 100) })),
});

export const PublishSummary = z.strictObject({ version, text: text(3, 8000, true) });

/** What was done with it: the text and links to what followed (decisions, action items, pages). */
export const PublishOutcome = z.strictObject({
  version,
  text: text(3, 8000, true),
  links: z._default(z.array(doc).check(z.maxLength(20)), []),
});

/** The public form's fields (all strings, as a form sends them); checked by hand for the page's own messages. */
export const AnswerForm = z.object({
  text: z._default(z.string(), ''),
  name: z._default(z.string(), ''),
  email: z._default(z.string(), ''),
  postcode: z._default(z.string(), ''),
  consent: z._default(z.string(), ''),
  /** The honeypot: hidden from people, filled in by robots. */
  website: z._default(z.string(), ''),
});

export const answerLimits = { text: MAX_ANSWER_LENGTH, name: 100, email: 254 };

export type CreateConsultation = z.infer<typeof CreateConsultation>;
export type PublishSummary = z.infer<typeof PublishSummary>;
export type PublishOutcome = z.infer<typeof PublishOutcome>;
export type AnswerForm = z.infer<typeof AnswerForm>;
