/**
 * What a cycle is about: an actielijn. Its name goes with the cycle's, so the three monitoring
 * cycles can be told apart (on the public page, in the office's list, in the trekker's action
 * item); and when a report of the trekker is done, the result the trekker wrote on the action item
 * becomes the actielijn's current state. The actielijn flow is reached through ports (subject-flows.ts).
 */
import type { Cycle } from './cycle';
import type { CreateCycle } from './schemas';
import type { Words } from './template';
import { type Refusal, say } from './texts';

/** The actielijnen a cycle may be about: their name, or null when there is none. */
export interface ActielijnNames {
  actielijnName(id: string): Promise<string | null>;
}

/** The subject the request names, or its refusal (on `subject.actielijnId`). */
export async function subjectOf(
  deps: { actielijnen: ActielijnNames },
  req: Pick<CreateCycle, 'subject'>,
): Promise<{ subject?: Cycle['subject']; refusals: Refusal[] }> {
  const id = req.subject?.actielijnId;
  if (!id) return { refusals: [] };
  const name = await deps.actielijnen.actielijnName(id);
  if (!name) return { refusals: [say('subject.actielijnId', 'actielijnUnknown', id)] };
  return { subject: { actielijnId: id, name }, refusals: [] };
}

/** The cycle's name: the template's, with the subject's after a dash. */
export const nameWith = (name: Words, subject?: Cycle['subject']): Words =>
  subject ? { nl: `${name.nl} – ${subject.name}`, en: `${name.en} – ${subject.name}` } : name;
