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

/** The version of the cycle the office user read: a change to another version is refused with 409. */
const version = z.int().check(z.minimum(1));

/** A change to one phase, named by the route's path (POST /api/cycles/{id}/phases/{key}). */
export const ChangePhaseRequest = z.discriminatedUnion('action', [
  z.extend(z.omit(MovePhase, { key: true }), { action: z.literal('move'), version }),
  z.extend(z.omit(SkipPhase, { key: true }), { action: z.literal('skip'), version }),
]);

export const AddPhaseRequest = z.extend(AddPhase, { version });

export const CancelCycle = z.strictObject({ reason, version });

/** The office marks a phase done (one without a flow of its own, or one handed back); a note is optional. */
export const MarkPhaseDone = z.strictObject({ version, note: z.optional(text(1, 1000, true)) });

/** A change before the cycle starts, in the create request: the same changes, each naming its phase. */
export const StartChange = z.discriminatedUnion('action', [
  z.extend(MovePhase, { action: z.literal('move') }),
  z.extend(SkipPhase, { action: z.literal('skip') }),
  z.extend(AddPhase, { action: z.literal('add') }),
]);

const ids = z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100)));

/**
 * Start a cycle. Anchors and roles are records the template gives the keys of: their dates and
 * roles are checked against the template (Dutch refusals, plan-cycle.ts and office.ts), not here.
 */
export const CreateCycle = z.strictObject({
  templateId: z.string().check(z.minLength(1), z.maxLength(100)),
  anchors: z.record(z.string(), z.string()),
  assignments: z.record(z.string(), z.strictObject({ personIds: ids, organisationIds: ids })),
  changes: z._default(z.array(StartChange).check(z.maxLength(50)), []),
  horizon: z.optional(isoWithOffset),
  /** What the cycle is about: an actielijn, whose name goes with the cycle's and whose trekker's reports become its current state (subject.ts). */
  subject: z.optional(z.strictObject({ actielijnId: z.string().check(z.minLength(1), z.maxLength(100)) })),
});

export type ChangePhaseRequest = z.infer<typeof ChangePhaseRequest>;
export type AddPhaseRequest = z.infer<typeof AddPhaseRequest>;
export type CancelCycle = z.infer<typeof CancelCycle>;
export type MarkPhaseDone = z.infer<typeof MarkPhaseDone>;
export type StartChange = z.infer<typeof StartChange>;
export type CreateCycle = z.infer<typeof CreateCycle>;
