/**
 * Sending each email of a flow exactly once: a claim in the flow's ledger before every send, a
 * record in its audit trail after. Rounds and action items keep their ledgers the same way.
 */
import { maskEmail, type Person } from './directory';
import type { EmailContent } from './email';
import type { AuditEntry, Log, Mailer, QueuedReminder, ReminderQueue } from './ports';
import { recipientEmail, type PreferenceLinkDeps } from './preferences';

export interface MailLedger {
  claimMail(id: string, key: string): Promise<boolean>;
  releaseMail(id: string, key: string): Promise<void>;
  appendAudit(id: string, entry: AuditEntry): Promise<void>;
}

export interface MailDeps extends PreferenceLinkDeps {
  mailer: Mailer;
  log: Log;
}

/** A person gets their email with the link to their settings; the office address gets it plain. */
export type MailTo = string | Person;

/**
 * Send one email unless it was sent before under the same key. The claim is released when the
 * send fails, so the retried step sends it then; a crash between claim and send loses at most
 * that one email, which we prefer over sending twice.
 */
export async function sendOnceVia(
  deps: MailDeps,
  ledger: MailLedger,
  id: string,
  key: string,
  to: MailTo,
  tag: string,
  content: EmailContent | (() => Promise<EmailContent>),
): Promise<boolean> {
  if (!(await ledger.claimMail(id, key))) return false;
  try {
    // Built only after the claim: a retried step skips the work for emails already sent.
    await sendAndRecordVia(deps, ledger, id, key, to, tag, typeof content === 'function' ? await content() : content);
  } catch (err) {
    await ledger.releaseMail(id, key);
    throw err;
  }
  return true;
}

/**
 * Send and put it on record, without a claim: only for emails that exactly one writer can
 * reach, such as the receipt of the conditional write that recorded an answer.
 */
export async function sendAndRecordVia(
  deps: MailDeps,
  ledger: MailLedger,
  id: string,
  key: string,
  to: MailTo,
  tag: string,
  content: EmailContent,
): Promise<void> {
  const address = typeof to === 'string' ? to : to.email;
  await deps.mailer.send({
    ...(typeof to === 'string' ? content : await recipientEmail(deps, to, content)),
    to: address,
    tag,
  });
  // The person's id too: two people can share a masked address, and the dossier names each recipient.
  const personId = typeof to === 'string' ? {} : { personId: to.id };
  // Mail to the office's own address is marked, so the dossier can say "Programmabureau".
  const office = address === deps.settings.officeEmail ? { office: true } : {};
  await ledger.appendAudit(id, {
    key: `mail:${key}`,
    at: deps.now().toISOString(),
    kind: 'email',
    actor: 'system',
    details: { tag, to: maskEmail(address), ...personId, ...office },
  });
  deps.log.info('email sent', { id, tag, to: maskEmail(address) });
}

/**
 * Hand one reminder to the person's budget (see reminder-outbox.ts) unless it was handed over
 * before under the same key: the same claim as an email, so a retried step queues it once.
 */
export async function queueOnceVia(
  queue: ReminderQueue,
  ledger: MailLedger,
  id: string,
  key: string,
  reminder: Omit<QueuedReminder, 'id' | 'flowId'>,
): Promise<boolean> {
  if (!(await ledger.claimMail(id, key))) return false;
  try {
    await queue.queue({ ...reminder, flowId: id, key });
  } catch (err) {
    await ledger.releaseMail(id, key);
    throw err;
  }
  return true;
}
