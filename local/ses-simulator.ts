/**
 * SES's mailbox simulator, locally: mail to bounce@simulator.amazonses.com bounces (permanent)
 * and mail to complaint@simulator.amazonses.com draws a complaint, as they do in real SES. The
 * event reaches the same `sesEvents` function, in the shape SNS delivers it in the cloud.
 */
import { randomUUID } from 'node:crypto';
import store from 'aws-ses-v2-local/dist/store.js';

export const SIMULATOR = {
  bounce: 'bounce@simulator.amazonses.com',
  complaint: 'complaint@simulator.amazonses.com',
} as const;

type Email = Parameters<typeof store.saveEmail>[0] & { sentAt?: string };

function deliveryEvent(email: Email, address: string, kind: 'Bounce' | 'Complaint') {
  // As SES's event: the email's send time, and the event's own (here the same moment). The send time
  // is the local clock's (mailbox.ts stamps it), so a moved clock and the event agree.
  const timestamp = email.sentAt ?? new Date(email.at * 1000).toISOString();
  const message = {
    eventType: kind,
    mail: {
      messageId: email.messageId,
      timestamp,
      destination: email.destination.to,
      commonHeaders: { subject: email.subject },
    },
    ...(kind === 'Bounce'
      ? {
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'General',
            timestamp,
            bouncedRecipients: [{ emailAddress: address, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
          },
        }
      : { complaint: { timestamp, complainedRecipients: [{ emailAddress: address }] } }),
  };
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'local',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:eu-west-1:000000000000:delivery-events',
          Message: JSON.stringify(message),
          Timestamp: new Date().toISOString(),
        },
      },
    ],
  };
}

/** Watch every saved email; `deliver` hands a simulated event to the events function. */
export function installSesSimulator(deliver: (event: unknown) => void): () => void {
  const original = store.saveEmail;
  const patched: typeof store.saveEmail = (email) => {
    original(email);
    // The email as stored, with the local clock's stamp.
    const stored = (store.getStoreReadonly().emails.at(-1) ?? email) as Email;
    for (const to of email.destination.to) {
      const address = /<([^>]+)>/.exec(to)?.[1] ?? to;
      if (address === SIMULATOR.bounce) deliver(deliveryEvent(stored, address, 'Bounce'));
      if (address === SIMULATOR.complaint) deliver(deliveryEvent(stored, address, 'Complaint'));
    }
  };
  (store as { saveEmail: typeof store.saveEmail }).saveEmail = patched;
  return () => {
    (store as { saveEmail: typeof store.saveEmail }).saveEmail = original;
  };
}
