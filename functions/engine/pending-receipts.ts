/**
 * Receipts that follow when mail works again (see "When mail fails" in docs/architecture.md).
 *
 * The durable record of a receipt to send is the answer itself: the conditional write that stores
 * a decision or an input answer also stores its version, from which the receipt's ledger key
 * follows. The page sends the receipt at once; a send that reached SES is put on record as
 * `mail:<key>` in the flow's audit trail. Whatever answer has no such record is still owed, and
 * the flow's next workflow step sends it. So a receipt is sent at least once; it is sent twice
 * only when SES took it but the audit write after it failed, or the step ran while the page was
 * still sending (the grace below keeps the steps away from a page's own send).
 */
import type { Directory, AuditEntry } from './ports';
import type { EmailContent } from './email';
import type { Person } from './directory';
import { type MailDeps, type MailLedger, sendAndRecordVia } from './mail-ledger';
import { EmailSendError } from '../platform/errors';

/** A page's own send takes at most the SDK's retries (about 16 s); after this, a step may send. */
export const RECEIPT_GRACE_MS = 2 * 60_000;

/** One answer that is owed a receipt: its ledger key, whom it goes to, and when it was given. */
export interface OwedReceipt {
  key: string;
  personId: string;
  at: string;
}

export interface ReceiptLedger extends MailLedger {
  listAudit(id: string): Promise<AuditEntry[]>;
}

export interface ReceiptDeps extends MailDeps {
  directory: Directory;
}

/**
 * Send the receipts of `owed` that are not on record yet. `last`: the flow's last step (the close),
 * which also sends those still inside the grace and fails when a send fails, so that the step is
 * retried; otherwise a failure is logged and the next step tries again. After one failure the rest
 * wait too: mail is away, and every further try would only spend the step's time.
 */
export async function sendOwedReceipts<R extends OwedReceipt>(
  deps: ReceiptDeps,
  ledger: ReceiptLedger,
  id: string,
  owed: R[],
  content: (person: Person, receipt: R) => EmailContent,
  options: { last: boolean },
): Promise<number> {
  if (owed.length === 0) return 0;
  const sent = new Set((await ledger.listAudit(id)).map((e) => e.key));
  const now = deps.now().getTime();
  const due = owed.filter(
    (r) => !sent.has(`mail:${r.key}`) && (options.last || now - Date.parse(r.at) >= RECEIPT_GRACE_MS),
  );
  let delivered = 0;
  for (const receipt of due) {
    const person = await deps.directory.getPerson(receipt.personId);
    // Erased or deactivated since they answered: nobody to write to.
    if (!person?.active || !person.email) continue;
    try {
      await sendAndRecordVia(deps, ledger, id, receipt.key, person, 'receipt', content(person, receipt));
      delivered += 1;
    } catch (err) {
      deps.log.warn('owed receipt not sent yet', { id, key: receipt.key, error: (err as Error).name });
      if (options.last) throw new EmailSendError([receipt.personId]);
      break;
    }
  }
  if (delivered > 0) deps.log.info('owed receipts sent', { id, delivered });
  return delivered;
}
