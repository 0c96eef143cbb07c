/**
 * Email through SES v2: text and HTML parts, the configuration set for delivery events. A
 * meeting invitation is built as a whole MIME message (nodemailer's composer) with the calendar
 * as an alternative part next to text and HTML, plus the same file attached: the structure
 * (RFC 6047) that Outlook, Gmail and Apple Mail show as an invitation they can accept.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ses } from '../lib/clients';
import type { Mailer, OutgoingEmail } from '../services/ports';

export class SesMailer implements Mailer {
  constructor(private readonly from: string, private readonly configurationSet?: string) {}

  async send(email: OutgoingEmail): Promise<void> {
    await ses.send(new SendEmailCommand({
      FromEmailAddress: this.from,
      Destination: { ToAddresses: [email.to] },
      // The configuration set publishes bounces and complaints; it has no click tracking, so
      // decision links are never rewritten.
      ConfigurationSetName: this.configurationSet,
      EmailTags: [{ Name: 'kind', Value: email.tag }],
      Content: email.calendar ? { Raw: { Data: await this.withCalendar(email) } } : {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
    }));
  }

  private withCalendar(email: OutgoingEmail): Promise<Buffer> {
    const { method, ics } = email.calendar!;
    return new MailComposer({
      from: this.from, to: email.to, subject: email.subject, text: email.text, html: email.html,
      icalEvent: { method, filename: method === 'CANCEL' ? 'afgelast.ics' : 'uitnodiging.ics', content: ics },
    }).compile().build();
  }
}
