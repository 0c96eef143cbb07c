/** Email through SES v2: text and HTML parts, the configuration set for delivery events. */
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
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
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      },
    }));
  }
}
