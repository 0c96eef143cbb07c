/**
 * SES delivery events. A hard bounce or a complaint reaches the programme office at once, so a
 * board member who never got the invitation is not discovered only at the deadline.
 */
import { createHash } from 'node:crypto';
import escapeHtml from 'escape-html';
import { maskEmail } from '../../engine/directory';
import type { Log, Mailer } from '../../engine/ports';

export interface DeliveryEvent {
  eventType: string;
  mail: { destination: string[]; tags?: Record<string, string[]>; commonHeaders?: { subject?: string } };
  bounce?: { bounceType: string; bouncedRecipients: { emailAddress: string; diagnosticCode?: string }[] };
  complaint?: { complainedRecipients: { emailAddress: string }[] };
}

export interface NoticeSink {
  add(n: { id: string; at: string; kind: 'bounce' | 'complaint'; text: string }): Promise<void>;
}

export async function handleDeliveryEvent(
  event: DeliveryEvent,
  deps: { mailer: Mailer; officeEmail: string; log: Log; notices: NoticeSink; now: () => Date },
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
  const id = createHash('sha256')
    .update(JSON.stringify([event.eventType, addresses, subject]))
    .digest('hex')
    .slice(0, 16);
  await deps.notices.add({
    id,
    at: deps.now().toISOString(),
    kind: hardBounce ? 'bounce' : 'complaint',
    text: `${addresses.join(', ')}: "${subject}" ${what}`,
  });
  // One sentence for both parts, escaped whole in the HTML part (the subject and addresses are not ours).
  // escape-html rather than JSX: this handler's bundle stays without a renderer.
  const problem = `De e-mail "${subject}" aan ${addresses.join(', ')} ${what}.`;
  const advice = 'Controleer het adres in de lijst van personen en stuur de uitnodiging opnieuw.';
  await deps.mailer.send({
    to: deps.officeEmail,
    tag: 'notice',
    subject: `Let op: e-mail niet bezorgd aan ${addresses.join(', ')}`,
    text: `${problem}\n\n${advice}`,
    html: `<p>${escapeHtml(problem)}</p><p>${advice}</p>`,
  });
  return 'notified';
}
