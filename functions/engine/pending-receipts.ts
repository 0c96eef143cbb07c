/**
 * Receipts that follow when mail works again (see "When mail fails" in docs/architecture.md).
 *
 * The durable record of a receipt to send is the answer itself: the conditional write that stores
 * a decision or an input answer also stores its version, from which the receipt's ledger key
 * follows. The page records the receipt in the mail outbox and sends it at once (mail-outbox.ts);
 * a failed send stays pending and the sweeper delivers it. An answer whose receipt has no outbox
 * record (the page died between storing the answer and recording the receipt) is found by the
 * flow's next workflow step, which records and sends it: the record is written once, so the page
 * and a step never both send. The answer and the record are not one transaction on purpose: the
 * answer's write stays the flows' own single conditional write, and it is already durable.
 */
import type { Directory, AuditEntry } from './ports';
import type { EmailContent } from './email';
import type { Person } from './directory';
import { type MailDeps, type MailLedger, sendOnceVia } from './mail-ledger';

/** A page records its receipt within its own request; after this, a step records what the page did not. */
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
 * Record and send the receipts of `owed` that are not on record yet. `last`: the flow's last step
 * (the close), which also takes those still inside the grace. A send that fails stays in the
 * outbox (the sweeper delivers it), so no step fails for mail.
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
  let recorded = 0;
  for (const receipt of due) {
    const person = await deps.directory.getPerson(receipt.personId);
    // Erased or deactivated since they answered: nobody to write to.
    if (!person?.active || !person.email) continue;
    if (await sendOnceVia(deps, ledger, id, receipt.key, person, 'receipt', content(person, receipt))) recorded += 1;
  }
  if (recorded > 0) deps.log.info('owed receipts recorded', { id, recorded });
  return recorded;
}
