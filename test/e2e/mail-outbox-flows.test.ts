/**
 * A mail outage during a fan-out loses nothing: a round created while SES refuses every send keeps
 * running, and each invitation arrives once after mail is back, from the sweeper (see "When mail fails").
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD, Harness } from '../support/local';
import { kerngroepSeries } from '../support/meetings';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const inDays = (d: number) => new Date(h.rt.clock.now().getTime() + d * 86400_000).toISOString();

function sesDown() {
  const down = mockClient(SESv2Client);
  down
    .on(SendEmailCommand)
    .rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8005'), { code: 'ECONNREFUSED' }));
  return down;
}

describe('invitations when SES is down', () => {
  it('are kept in the outbox and each arrives once after mail is back; the round runs on', async () => {
    const title = 'Begroting uitval';
    const down = sesDown();
    const res = await h.api('POST', '/api/rounds', {
      title,
      summary: 'Gaat u akkoord met de begroting?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: inDays(10),
      reminders: ['P3D'],
    });
    expect(res.status).toBe(201);
    await h.rt.whenIdle();
    // The sweeper woken at each try while mail is still away: still nothing sent, nothing lost.
    await h.advance('PT2H');
    down.restore();
    const invitations = async () => (await h.mail()).filter((m) => m.subject.includes(title));
    expect(await invitations()).toHaveLength(0);
    expect((await h.round(res.body.id)).status).toBe('open');
    await h.advance('PT1H');
    const sent = await invitations();
    expect(sent.map((m) => m.to).sort()).toEqual(BOARD.map(([, address]) => address).sort());
    await h.advance('P1D');
    expect(await invitations()).toHaveLength(BOARD.length);
    // The link in a late invitation works as any other.
    const page = await h.decide(Harness.link(sent[0]), 'approve');
    expect(page.status).toBe(200);
  });
});

describe('an agenda item when SES is down', () => {
  it('is confirmed on the page, and its receipt arrives once after mail is back', async () => {
    const series = await h.api('POST', '/api/meeting-series', kerngroepSeries('Kerngroep Uitval'));
    expect(series.status).toBe(201);
    await h.to('2026-11-24T19:30:00+01:00');
    const call = (await h.mail()).find((m) => /^Agendapunten voor Kerngroep Uitval/.test(m.subject))!;
    const link = /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(call.text)![0];
    const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
    const down = sesDown();
    const page = await h.post(link, {
      proof,
      action: 'item',
      title: 'Speeltuin aan het plein',
      explanation: 'Bewoners vragen om een speeltuin.',
      broughtBy: 'Bewoners',
      ask: 'discuss',
    });
    down.restore();
    expect(page.status).toBe(200);
    expect(page.html).toContain('Uw agendapunt is ontvangen');
    const receipts = () => h.mailTo(call.to, 'Ontvangen: uw agendapunt voor Kerngroep Uitval');
    expect(await receipts()).toHaveLength(0);
    await h.advance('PT1H');
    expect(await receipts()).toHaveLength(1);
    await h.advance('P1D');
    expect(await receipts()).toHaveLength(1);
    // The clock crosses three weeks of the series' own steps.
  }, 180_000);
});
