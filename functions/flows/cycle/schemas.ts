/**
 * What the programme office sends to change a cycle's plan: one schema each, for the API and the
 * console of a later slice, which parse with them first (field messages for the shape, as on every
 * route); the change functions (changes.ts) then refuse what the plan makes impossible.
 */
import * as z from 'zod/mini';
import { PHASE_KINDS, ROLES } from './template';
import { isoWithOffset, text } from '../../platform/schemas';
import { isIsoDuration } from '../../platform/time';

const reason = text(3, 500, true);

export const MovePhase = z.strictObject({
  key: z.string(),
  start: z.optional(isoWithOffset),
  due: z.optional(isoWithOffset),
  reason,
});

export const SkipPhase = z.strictObject({
  key: z.string(),
  reason,
  /** What the phases that waited for this one wait for instead; [] for nothing (they keep their dates). */
  instead: z.optional(z.array(z.string())),
});

export const AddPhase = z.strictObject({
  key: z.string().check(z.regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'use a name such as firstReport')),
  kind: z.enum(PHASE_KINDS),
  role: z.enum(ROLES),
  title: z.strictObject({ nl: text(3, 120), en: text(3, 120) }),
  start: z.strictObject({
    after: z.optional(z.array(z.string())),
    on: z.optional(isoWithOffset),
    when: z.optional(z.enum(['first', 'last'])),
  }),
  due: z.union([
    z.strictObject({ on: isoWithOffset }),
    z.strictObject({ afterStart: z.string().check(z.refine(isIsoDuration, 'use a duration such as P14D')) }),
  ]),
  reason,
});

export type MovePhase = z.infer<typeof MovePhase>;
export type SkipPhase = z.infer<typeof SkipPhase>;
export type AddPhase = z.infer<typeof AddPhase>;
