/**
 * SES delivery events. A hard bounce or a complaint reaches the programme office at once, so a
 * board member who never got the invitation is not discovered only at the deadline. The office's
 * email goes through the mail outbox like every email, keyed by the event's hash: SNS delivers an
 * event at least once, and a redelivered one finds the record and sends nothing again.
 */
import { createHash } from 'node:crypto';
import escapeHtml from 'escape-html';
import { maskEmail } from '../../engine/directory';
import { deliver, type MailKeys, type MailOutbox, newRecord } from '../../engine/mail-outbox';
import type { AuditEntry, Log, Mailer, OutgoingEmail } from '../../engine/ports';
import { AUDIT_PREFIX } from '../../platform/table';

export interface DeliveryEvent {
  eventType: string;
  mail: {
    messageId?: string;
    timestamp?: string;
    destination: string[];
    tags?: Record<string, string[]>;
    commonHeaders?: { subject?: string };
  };
  bounce?: {
    bounceType: string;
    timestamp?: string;
    bouncedRecipients: { emailAddress: string; diagnosticCode?: string }[];
  };
  complaint?: { timestamp?: string; complainedRecipients: { emailAddress: string }[] };
}

export interface NoticeSink {
  add(n: {
    id: string;
    at: string;
    kind: 'bounce' | 'complaint';
    text: string;
    people?: { id: string; email: string }[];
  }): Promise<void>;
}

export interface DeliveryEventDeps {
  mailer: Mailer;
  /** Where the office's notice is recorded before it is sent (the sweeper sends what is left). */
  mail: MailOutbox;
  officeEmail: string;
  log: Log;
  notices: NoticeSink;
  /** The people whose address is one of these (any case), so the overview links to each to fix it. */
  peopleWith?: (addresses: string[]) => Promise<{ id: string; email: string }[]>;
  now: () => Date;
}

/** The office's notice of one event: a partition of its own, DELIVERY#<hash> / MAIL#notice. */
export function deliveryNoticeKeys(id: string): MailKeys {
  return { pk: `DELIVERY#${id}`, sk: 'MAIL#notice', key: `delivery:${id}`, auditPk: `${AUDIT_PREFIX}DELIVERY#${id}` };
}

export async function handleDeliveryEvent(
  event: DeliveryEvent,
  deps: DeliveryEventDeps,
): Promise<'notified' | 'ignored'> {
  const hardBounce = event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent';
  const complaint = event.eventType === 'Complaint';
  if (!hardBounce && !complaint) return 'ignored';
  const addresses = hardBounce
    ? event.bounce!.bouncedRecipients.map((r) => r.emailAddress)
    : event.complaint!.complainedRecipients.map((r) => r.emailAddress);
  const subject = event.mail.commonHeaders?.subject ?? '';
  const what = hardBounce ? 'kon niet worden bezorgd (het adres bestaat niet of weigert mail)' : 'is als spam gemeld';
  deps.log.warn('delivery problem reported to the office', {
    eventType: event.eventType,
    recipients: addresses.map(maskEmail),
  });
  // One event, one id: SES's message id names the email (the same subject may bounce again next week,
  // and that is news), and the event's own time places it, so a redelivery lands on the same notice.
  const id = createHash('sha256')
    .update(JSON.stringify([event.eventType, addresses, subject, event.mail.messageId ?? '']))
    .digest('hex')
    .slice(0, 16);
  await deps.notices.add({
    id,
    at: event.bounce?.timestamp ?? event.complaint?.timestamp ?? event.mail.timestamp ?? deps.now().toISOString(),
    kind: hardBounce ? 'bounce' : 'complaint',
    text: `${addresses.join(', ')}: "${subject}" ${what}`,
    people: (await deps.peopleWith?.(addresses)) ?? [],
  });
  // One sentence for both parts, escaped whole in the HTML part (the subject and addresses are not ours).
  // escape-html rather than JSX: this handler's bundle stays without a renderer.
  const problem = `De e-mail "${subject}" aan ${addresses.join(', ')} ${what}.`;
  const advice = 'Controleer het adres in de lijst van personen en stuur de uitnodiging opnieuw.';
  const email: OutgoingEmail = {
    to: deps.officeEmail,
    tag: 'notice',
    subject: `Let op: e-mail niet bezorgd aan ${addresses.join(', ')}`,
    text: `${problem}\n\n${advice}`,
    html: `<p>${escapeHtml(problem)}</p><p>${advice}</p>`,
    // Also when the sweeper sends it: a bounce of this notice must not start another.
    untracked: true,
  };
  const keys = deliveryNoticeKeys(id);
  const audit: AuditEntry = {
    key: `mail:${keys.key}`,
    at: '',
    kind: 'email',
    actor: 'system',
    details: { tag: 'notice', to: maskEmail(deps.officeEmail), office: true, eventType: event.eventType },
  };
  const record = newRecord(keys, id, email, audit, deps.now());
  // Recorded before (a redelivered event): sent, or pending for the sweeper. A failed send does not
  // throw either, so SNS does not redeliver for it.
  if (await deps.mail.record(record)) await deliver(deps, deps.mail, record);
  return 'notified';
}
