/**
 * Email through SES v2: text and HTML parts, the configuration set for delivery events. An email
 * with a calendar invitation goes as a whole MIME message, built by the composer the meeting
 * functions pass in (calendar-mime.ts), so the other functions do not carry it.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from '../lib/clients';
import type { Mailer, OutgoingEmail } from '../services/ports';

export type RawComposer = (from: string, email: OutgoingEmail) => Promise<Buffer>;

export class SesMailer implements Mailer {
  constructor(private readonly from: string, private readonly configurationSet?: string, private readonly composeRaw?: RawComposer) {}

  async send(email: OutgoingEmail): Promise<void> {
    if (email.calendar && !this.composeRaw) throw new Error('this mailer cannot send calendar invitations');
    await ses.send(new SendEmailCommand({
      FromEmailAddress: this.from,
      Destination: { ToAddresses: [email.to] },
      // The configuration set publishes bounces and complaints; it has no click tracking, so
      // decision links are never rewritten.
      ConfigurationSetName: this.configurationSet,
      EmailTags: [{ Name: 'kind', Value: email.tag }],
      Content: email.calendar ? { Raw: { Data: await this.composeRaw!(this.from, email) } } : {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
    }));
  }
}
