/**
 * A person never sees an error for an action that counted: with SES failing, a decision and a
 * partner's answer are stored and confirmed on the page, and their receipt follows once, from the
 * round's next step after mail is back (see "When mail fails" in docs/architecture.md).
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD, Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const inDays = (d: number) => new Date(h.rt.clock.now().getTime() + d * 86400_000).toISOString();

/** SES refuses every send (as the SDK reports it after its retries) until `restore()`. */
function sesDown() {
  const mock = mockClient(SESv2Client);
  mock
    .on(SendEmailCommand)
    .rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8005'), { code: 'ECONNREFUSED' }));
  return mock;
}

/**
 * The round's next step (its reminder, 3 days before the deadline of 10 days) sends the receipt it
 * owes; the later steps (the deadline, the close) find it on record and send it no second time.
 */
async function expectOneReceiptFromTheNextSteps(receipts: () => Promise<unknown[]>) {
  expect(await receipts()).toHaveLength(0);
  await h.advance('P7D');
  await h.rt.whenIdle();
  expect(await receipts()).toHaveLength(1);
  await h.advance('P4D');
  await h.rt.whenIdle();
  expect(await receipts()).toHaveLength(1);
}

describe('receipts when SES is down', () => {
  it('a decision is confirmed on the page and its receipt arrives once, after mail is back', async () => {
    const title = 'Jaarplan Noord';
    const res = await h.api('POST', '/api/rounds', {
      title,
      summary: 'Gaat u akkoord met het jaarplan?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: inDays(10),
      reminders: ['P3D'],
    });
    expect(res.status).toBe(201);
    await h.rt.whenIdle();
    const [personId, address] = BOARD[0];
    const link = Harness.link((await h.mailTo(address, title))[0]);

    const down = sesDown();
    const page = await h.decide(link, 'approve');
    down.restore();
    expect(page.status).toBe(200);
    expect(page.html).toContain('Dank u wel. Uw besluit is ontvangen.');
    expect((await h.round(res.body.id)).approvers).toContainEqual(
      expect.objectContaining({ personId, state: 'responded', choice: 'approve' }),
    );
    const receipts = () => h.mailTo(address, `Ontvangen: uw besluit over ${title}`);

    await expectOneReceiptFromTheNextSteps(receipts);
    expect((await h.round(res.body.id)).status).toBe('closed');
  });

  it("a partner's answer is confirmed on the page and its receipt follows once", async () => {
    const title = 'Bijdrage jaarplan';
    const res = await h.api('POST', '/api/input-rounds', {
      title,
      request: 'Wat doet u in 2027 voor de wijk?',
      organisationIds: ['woon', 'fortify'],
      deadline: inDays(10),
      reminders: ['P3D'],
      escalate: false,
      bodyId: 'alliantiebestuur',
    });
    expect(res.status).toBe(201);
    await h.rt.whenIdle();
    const address = 'ruben.kok@example.org';
    const link = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec((await h.mailTo(address, `Gevraagd: ${title}`))[0].text)![0];
    const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];

    const down = sesDown();
    const page = await h.post(link, { proof, kind: 'not-applicable' });
    down.restore();
    expect(page.status).toBe(200);
    expect(page.html).toContain('Dank u wel. Uw antwoord is ontvangen.');
    const receipts = () => h.mailTo(address, `Ontvangen: ${title}`);

    await expectOneReceiptFromTheNextSteps(receipts);
  });
});
