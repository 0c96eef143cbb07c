/**
 * The SES stand-in's maximum sending rate (local/ses-fidelity.ts), as SES applies an account's: sends
 * over it are refused with a throttling error and not stored; the product's client, in the SDK's
 * standard retry mode, waits and tries again; time is the local clock's.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendRate, setMaxSendRate } from '../../local/ses-fidelity';
import { Harness } from '../support/local';

describe('the sending rate as a token bucket', () => {
  it('takes one second’s worth at once, then the rate, and never saves up more than a second’s worth', () => {
    let t = 0;
    const rate = new SendRate(5, () => t);
    expect(Array.from({ length: 7 }, () => rate.take())).toEqual([true, true, true, true, true, false, false]);
    t += 200;
    expect([rate.take(), rate.take()]).toEqual([true, false]);
    t += 60_000;
    expect(Array.from({ length: 6 }, () => rate.take()).filter(Boolean)).toHaveLength(5);
    // Below one a second: one send, then one every 1/rate seconds.
    const slow = new SendRate(0.5, () => t);
    expect([slow.take(), slow.take()]).toEqual([true, false]);
    t += 2000;
    expect(slow.take()).toBe(true);
  });
});

describe('the SES stand-in at 3 sends a second', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ seed: false, sesMaxSendRate: 3 });
  });
  afterAll(() => h.stop());

  const email = (to: string) =>
    new SendEmailCommand({
      FromEmailAddress: 'noreply@example.org',
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } },
    });

  it('refuses sends over the rate with 429 TooManyRequestsException and stores only what it accepted', async () => {
    const once = new SESv2Client({ endpoint: h.rt.urls.mailbox, region: 'eu-west-1', maxAttempts: 1 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => once.send(email(`burst.${i}@x.org`))));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const err of refused)
      expect(err).toMatchObject({
        name: 'TooManyRequestsException',
        message: 'Maximum sending rate exceeded.',
        $metadata: { httpStatusCode: 429 },
      });
    const stored = (await h.mail()).filter((m) => m.to.startsWith('burst.'));
    expect(stored).toHaveLength(6 - refused.length);
  });

  it('is throttling to the product’s mailer, which tries three times; a moved clock has let the time pass', async () => {
    const { SesMailer } = await import('../../functions/engine/ses-mailer');
    const mailer = new SesMailer('noreply@example.org');
    const send = (to: string) => mailer.send({ to, subject: 'x', text: 'x', html: '<p>x</p>', tag: 'test' });
    // One send every 20 s: the first goes, the second is refused on each of the SDK's three attempts
    // (its throttling back-off waits about a second in all), and nothing of it is stored.
    setMaxSendRate(0.05, () => h.rt.clock.now().getTime());
    await send('paced.0@x.org');
    const refused = await send('paced.1@x.org').catch((err) => err);
    expect(refused).toMatchObject({ name: 'TooManyRequestsException', $metadata: { attempts: 3 } });
    await h.advance('PT1M');
    await send('paced.2@x.org');
    expect((await h.mail()).filter((m) => m.to.startsWith('paced.')).map((m) => m.to)).toEqual([
      'paced.0@x.org',
      'paced.2@x.org',
    ]);
  });
});
