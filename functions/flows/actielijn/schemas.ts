/**
 * What the programme office sends for an actielijn: the fields of the seeds' format (actielijn.ts).
 * Checked by zod with the shared field messages (platform/validation.ts), as on every route.
 */
import * as z from 'zod/mini';
import { ACTIELIJN_STATUSES } from './actielijn';
import { text } from '../../platform/schemas';

const id = z.string().check(z.minLength(1), z.maxLength(100));
const long = z.optional(text(1, 4000, true));

const fields = {
  name: text(3, 200),
  opgave: z.optional(text(1, 200)),
  mediumTerm: long,
  longTerm: long,
  trekkerOrganisationIds: z.array(id).check(z.minLength(1, 'name at least one trekker'), z.maxLength(10)),
  contactPersonId: z.optional(id),
  parties: z._default(z.array(text(1, 200)).check(z.maxLength(50)), []),
  residentOwnership: long,
  approach: long,
  problem: long,
  result: text(3, 4000, true),
  learning: long,
  monitoring: long,
  risks: long,
  planning: long,
};

export const CreateActielijn = z.strictObject({
  ...fields,
  /** A first current state, if the office has one. */
  currentState: z.optional(text(3, 4000, true)),
});

/** The version of the actielijn the office user read: another version is refused with 409. */
const version = z.int().check(z.minimum(1));

/** Change some fields (those sent; the rest stay), on the version read. */
export const UpdateActielijn = z.strictObject({
  version,
  name: z.optional(fields.name),
  opgave: fields.opgave,
  mediumTerm: long,
  longTerm: long,
  trekkerOrganisationIds: z.optional(fields.trekkerOrganisationIds),
  contactPersonId: fields.contactPersonId,
  parties: z.optional(z.array(text(1, 200)).check(z.maxLength(50))),
  residentOwnership: long,
  approach: long,
  problem: long,
  result: z.optional(fields.result),
  learning: long,
  monitoring: long,
  risks: long,
  planning: long,
  status: z.optional(z.enum(ACTIELIJN_STATUSES)),
});

/** The office writes a new current state ("huidige stand van zaken"). */
export const AddState = z.strictObject({ version, text: text(3, 4000, true) });

export type CreateActielijn = z.infer<typeof CreateActielijn>;
export type UpdateActielijn = z.infer<typeof UpdateActielijn>;
export type AddState = z.infer<typeof AddState>;
