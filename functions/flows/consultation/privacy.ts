/**
 * Personal data in consultations (AVG). Contact details are kept for a stated period after the
 * deadline (consultation.ts: CONTACT_RETENTION_DAYS), then a daily scheduled step removes name,
 * email and postcode from every answer; the words stay, without anyone's name. A person's export
 * lists the answers given with their email, and their erasure takes out the words and the contact
 * details (found by the email index: store.ts), as it does with input rounds.
 */
import { type Answer, mayRemoveContacts, withoutContact } from './consultation';
import type { ConsultationDeps } from './use-cases';
import type { Log } from '../../engine/ports';

/** Remove the contact details of every consultation whose retention period has passed. */
export async function removeExpiredContacts(deps: ConsultationDeps & { log?: Log }): Promise<number> {
  const now = deps.now();
  const at = now.toISOString();
  let removed = 0;
  // Both statuses, a Query each (consultations are few: a handful a year).
  for (const c of (await deps.consultations.list()).filter((x) => mayRemoveContacts(x, now))) {
    for (const a of await deps.consultations.answers(c.id)) {
      if (a.contactRemovedAt || (!a.email && !a.name && !a.postcode)) continue;
      if (await deps.consultations.replaceAnswer(withoutContact(a, at))) removed++;
    }
    // Marked last: a step that died half-way runs again tomorrow and finds what is left.
    await deps.consultations.save({ ...c, contactRemovedAt: at, version: c.version + 1 }, c.version);
  }
  deps.log?.info('consultation contact details removed', { answers: removed });
  return removed;
}

export interface ConsultationAnswerExport {
  consultationId: string;
  title: string;
  answer: Pick<Answer, 'text' | 'at' | 'name' | 'email' | 'postcode' | 'consent'>;
}

/** The answers given with this email, for the per-person export. */
export async function consultationAnswersOf(
  deps: Pick<ConsultationDeps, 'consultations'>,
  email: string,
): Promise<ConsultationAnswerExport[]> {
  if (!email) return [];
  const answers = await deps.consultations.answersByEmail(email);
  const out: ConsultationAnswerExport[] = [];
  for (const a of answers) {
    const c = await deps.consultations.get(a.consultationId);
    const { text, at, name, email: e, postcode, consent } = a;
    out.push({
      consultationId: a.consultationId,
      title: c?.title ?? '',
      answer: { text, at, name, email: e, postcode, consent },
    });
  }
  return out;
}

/** Erase the answers given with this email: the words and the contact details go; the count stays. */
export async function eraseConsultationAnswers(
  deps: Pick<ConsultationDeps, 'consultations' | 'now'>,
  email: string,
): Promise<number> {
  if (!email) return 0;
  const at = deps.now().toISOString();
  let n = 0;
  for (const a of await deps.consultations.answersByEmail(email))
    if (await deps.consultations.replaceAnswer({ ...withoutContact(a, at), text: '' })) n++;
  return n;
}
