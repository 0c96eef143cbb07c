/**
 * Sending each email of a flow at least once and, outside a short window, once only: its outbox
 * record in the flow's ledger before every send (mail-outbox.ts), a record in its audit trail after.
 * Rounds, action items, input rounds and meetings keep their ledgers the same way.
 */
import { maskEmail, type Person } from './directory';
import type { EmailContent } from './email';
import { deliver, type MailKeys, type MailOutbox, newRecord } from './mail-outbox';
import type { AuditEntry, Log, Mailer, QueuedReminder, ReminderQueue } from './ports';
import { recipientEmail, type PreferenceLinkDeps } from './preferences';

export interface MailLedger {
  /** Where the flow's outbox records are written (the flow's own table). */
  readonly mail: MailOutbox;
  /** The record of email `key` of document `id`: next to the document, audited on its trail. */
  mailKeys(id: string, key: string): MailKeys;
  /** A bare claim, for reminders handed to the budget (queueOnceVia). */
  claimMail(id: string, key: string): Promise<boolean>;
  hasMailClaim(id: string, key: string): Promise<boolean>;
  appendAudit(id: string, entry: AuditEntry): Promise<void>;
}

export interface MailDeps extends PreferenceLinkDeps {
  mailer: Mailer;
  log: Log;
}

/** A person gets their email with the link to their settings; the office address gets it plain. */
export type MailTo = string | Person;

/**
 * Send one email unless it was recorded before under the same key. The whole email is recorded
 * first (one conditional write: the claim and the intent together), then sent at once. A send that
 * fails does not throw: the email stays pending and the sweeper delivers it with backoff, so a
 * step, a page or a fan-out carries on. True when this call recorded it (sent or pending).
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
  const keys = ledger.mailKeys(id, key);
  const address = typeof to === 'string' ? to : to.email;
  const built = typeof content === 'function' ? await content() : content;
  const email = {
    ...(typeof to === 'string' ? built : await recipientEmail(deps, to, built)),
    to: address,
    tag,
  };
  // The person's id too: two people can share a masked address, and the dossier names each recipient.
  const personId = typeof to === 'string' ? {} : { personId: to.id };
  // Mail to the office's own address is marked, so the dossier can say "Programmabureau".
  const office = address === deps.settings.officeEmail ? { office: true } : {};
  const audit: AuditEntry = {
    key: `mail:${key}`,
    at: '',
    kind: 'email',
    actor: 'system',
    details: { tag, to: maskEmail(address), ...personId, ...office },
  };
  // To a person: indexed under them, so their export and erasure find it (mail-outbox-store.ts).
  const record = newRecord(keys, id, email, audit, deps.now(), typeof to === 'string' ? {} : { personId: to.id });
  if (!(await ledger.mail.record(record))) return false;
  await deliver(deps, ledger.mail, record);
  return true;
}

/**
 * An email that exactly one writer can reach, such as the receipt of the conditional write that
 * recorded an answer: the same outbox record as every email, so the page and a step that both try
 * it send it once.
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
  await sendOnceVia(deps, ledger, id, key, to, tag, content);
}

/**
 * Hand one reminder to the person's budget (see reminder-outbox.ts) unless it was handed over
 * before under the same key, so a retried step queues it once. The claim is written once the
 * reminder is queued and planned, so a crash before it leaves no claim without its reminder: the
 * retried step queues it (the same entry, once) and claims it then. A retried step that finds the
 * claim plans the person again: a crash between the saved plan and the person's schedule left the
 * schedule out, and only the daily sweep would find it. (A crash after the queueing and before the
 * claim, with the person's message sent before the step runs again, sends that reminder twice.)
 */
export async function queueOnceVia(
  queue: ReminderQueue,
  ledger: MailLedger,
  id: string,
  key: string,
  reminder: Omit<QueuedReminder, 'id' | 'flowId'>,
): Promise<boolean> {
  if (await ledger.hasMailClaim(id, key)) {
    await queue.replan(reminder.personId);
    return false;
  }
  await queue.queue({ ...reminder, flowId: id, key });
  // False: another run of the step claimed it meanwhile, having queued the same entry.
  return ledger.claimMail(id, key);
}
