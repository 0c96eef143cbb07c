/** What the programme office may send to start an input round, or to record someone's written input. */
import * as z from 'zod/mini';
import { isoWithOffset, reminderList, text } from '../../platform/schemas';
import { WRITTEN_VIA } from './input-round';

/** A round to partners; the API and the console both use it. */
export const CreateInputRound = z.strictObject({
  title: text(3, 200),
  request: text(1, 5000, true),
  organisationIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(300)),
  deadline: isoWithOffset,
  reminders: reminderList('P3D'),
  escalate: z._default(z.boolean(), false),
  bodyId: z.string().check(z.minLength(1)),
});

/**
 * A round to people, each answering for themselves (residents, resident members of a body): the API
 * takes it when the request has `personIds`. No escalation: residents owe the alliance nothing.
 * At most 50 people, so a round with every answer stays one stored item whatever script they write
 * in: 2,000 characters are up to 6,000 bytes in UTF-8, 50 of them 300 KB of DynamoDB's 400 KB (100
 * answers in Arabic or Chinese would not fit, and the last answer would be lost to a failed write).
 */
export const MAX_PEOPLE = 50;

export const CreatePeopleInputRound = z.strictObject({
  title: text(3, 200),
  request: text(1, 5000, true),
  personIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(MAX_PEOPLE)),
  deadline: isoWithOffset,
  reminders: reminderList('P3D'),
  bodyId: z.string().check(z.minLength(1)),
});

/** The office records what someone gave in writing or in person: who, the text, how it came in. */
export const RecordWrittenInput = z.strictObject({
  personId: z.string().check(z.minLength(1), z.maxLength(200)),
  text: text(1, 2000, true),
  via: z.enum(WRITTEN_VIA),
  receivedAt: z.optional(isoWithOffset),
});
