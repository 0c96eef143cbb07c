/** What the programme office may send to start an input round; the API and the console both use it. */
import * as z from 'zod/mini';
import { isoWithOffset, reminderList, text } from '../../platform/schemas';

export const CreateInputRound = z.strictObject({
  title: text(3, 200),
  request: text(1, 5000, true),
  organisationIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(300)),
  deadline: isoWithOffset,
  reminders: reminderList('P3D'),
  escalate: z._default(z.boolean(), false),
  bodyId: z.string().check(z.minLength(1)),
});
