/**
 * Email through SES v2: text and HTML parts (SES assembles the MIME message from them), the
 * configuration set for delivery events, and a reminder's List-Unsubscribe headers. An email
 * with a calendar invitation goes as a whole MIME message, built by the composer the meeting
 * functions pass in (calendar-mime.ts), so the other functions do not carry it.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from '../platform/clients';
import type { Mailer, OutgoingEmail } from './ports';

export type RawComposer = (from: string, email: OutgoingEmail) => Promise<Buffer>;

/**
 * A reminder's way out in the mail program's own menu: its one-click POST (RFC 8058) turns the
 * person's reminders to weekly on their settings page, which Gmail and Yahoo ask of bulk senders.
 */
export function listHeaders(email: OutgoingEmail): { Name: string; Value: string }[] | undefined {
  if (!email.listUnsubscribe) return undefined;
  return [
    { Name: 'List-Unsubscribe', Value: `<${email.listUnsubscribe}>` },
    { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
  ];
}

export class SesMailer implements Mailer {
  constructor(
    private readonly from: string,
    private readonly configurationSet?: string,
    private readonly composeRaw?: RawComposer,
  ) {}

  async send(email: OutgoingEmail): Promise<void> {
    if (email.calendar && !this.composeRaw) throw new Error('this mailer cannot send calendar invitations');
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        // The configuration set publishes bounces and complaints; it has no click tracking, so
        // decision links are never rewritten.
        ConfigurationSetName: email.untracked ? undefined : this.configurationSet,
        EmailTags: [{ Name: 'kind', Value: email.tag }],
        Content: email.calendar
          ? { Raw: { Data: await this.composeRaw!(this.from, email) } }
          : {
              Simple: {
                Subject: { Data: email.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
                Headers: listHeaders(email),
              },
            },
      }),
    );
  }
}
