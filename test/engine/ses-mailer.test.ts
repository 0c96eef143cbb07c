/** The SES mailer: every email through the configuration set (delivery events), but an untracked one. */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/engine/ses-mailer';

const ses = mockClient(SESv2Client);
beforeEach(() => {
  ses.reset();
  ses.on(SendEmailCommand).resolves({ MessageId: 'm1' });
});

const email = { to: 'a@example.org', tag: 'notice', subject: 'Let op', text: 't', html: '<p>t</p>' };

describe('SesMailer', () => {
  it('sends through the configuration set, and an untracked email without it', async () => {
    const mailer = new SesMailer('noreply@example.org', 'alliance-events');
    await mailer.send(email);
    await mailer.send({ ...email, untracked: true });
    const sets = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input.ConfigurationSetName);
    expect(sets).toEqual(['alliance-events', undefined]);
  });
});
