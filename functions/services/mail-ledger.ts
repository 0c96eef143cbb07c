/**
 * Sending each email of a flow exactly once: a claim in the flow's ledger before every send, a
 * record in its audit trail after. Rounds and action items keep their ledgers the same way.
 */
import { maskEmail } from '../domain/directory';
import type { EmailContent } from '../domain/round-emails';
import type { AuditEntry, Log, Mailer } from './ports';

export interface MailLedger {
  claimMail(id: string, key: string): Promise<boolean>;
  releaseMail(id: string, key: string): Promise<void>;
  appendAudit(id: string, entry: AuditEntry): Promise<void>;
}

export interface MailDeps { mailer: Mailer; now: () => Date; log: Log }

/**
 * Send one email unless it was sent before under the same key. The claim is released when the
 * send fails, so the retried step sends it then; a crash between claim and send loses at most
 * that one email, which we prefer over sending twice.
 */
export async function sendOnceVia(deps: MailDeps, ledger: MailLedger, id: string, key: string, to: string, tag: string, content: EmailContent | (() => Promise<EmailContent>)): Promise<boolean> {
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
export async function sendAndRecordVia(deps: MailDeps, ledger: MailLedger, id: string, key: string, to: string, tag: string, content: EmailContent): Promise<void> {
  await deps.mailer.send({ ...content, to, tag });
  await ledger.appendAudit(id, { key: `mail:${key}`, at: deps.now().toISOString(), kind: 'email', actor: 'system', details: { tag, to: maskEmail(to) } });
  deps.log.info('email sent', { id, tag, to: maskEmail(to) });
}
