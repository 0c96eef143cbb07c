/**
 * An owner's answer that counted is never left untold: when the page's function dies right after the
 * answer's write (before its record, its workflow resume and its emails), the workflow's next step
 * puts the answer on record and sends the receipt and the office's notice, once each. The crash
 * harness found it (seed 3): a kill 149 ms after an owner answered "done" lost the receipt for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, linkIn, proofOn } from './follow-up-support';
import { dieAfterTheWriteOf, type DyingAfterWrite } from '../support/die-after-write';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
let dying: DyingAfterWrite | undefined;
afterAll(() => {
  dying?.disarm();
  return h.stop();
});

describe('an answer whose page died after its write', () => {
  it('is put on record and its receipt and office notice are sent by the next step, once', async () => {
    const what = 'Speelplek opknappen aan het Ecuplein';
    const id = await createItem(h, what, '2026-12-15T17:00:00+01:00', { ownerPersonId: 'p-yusuf-demir' });
    await h.to('2026-12-08T18:30:00+01:00');
    const link = linkIn((await h.mailTo('yusuf.demir@example.org', `Herinnering: ${what}`))[0].text);
    const proof = await proofOn(h, link);

    dying = await dieAfterTheWriteOf(`ITEM#${id}`, 'ITEM');
    await h.post(link, { proof, answer: 'done', result: 'Opgeknapt met de buurt' }).catch(() => undefined);
    dying.disarm();
    expect(dying.dead).toBe(true);
    await h.rt.whenIdle();
    // The answer counted: the item is done.
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body.status).toBe('done');

    // The workflow was never resumed: it looks again at its next moment (the reminder a day before).
    await h.to('2026-12-14T18:30:00+01:00');
    await h.rt.whenIdle();
    const receipts = () => h.mailTo('yusuf.demir@example.org', `Ontvangen: ${what}`);
    expect(await receipts()).toHaveLength(1);
    expect((await receipts())[0].text).toContain('Opgeknapt met de buurt');
    expect(await h.mailTo('programmabureau@example.org', `Afgerond: ${what}`)).toHaveLength(1);
    const { timeline } = (await h.api('GET', `/api/follow-ups/${id}`)).body as {
      timeline: { kind: string; actor: string }[];
    };
    expect(timeline.filter((e) => e.kind === 'answered')).toEqual([
      expect.objectContaining({ actor: 'p-yusuf-demir' }),
    ]);
    // No reminder after the answer, and nothing sent twice later.
    await h.to('2026-12-20T18:30:00+01:00');
    await h.rt.whenIdle();
    expect(await receipts()).toHaveLength(1);
    expect(await h.mailTo('yusuf.demir@example.org', `Herinnering: ${what}`)).toHaveLength(1);
  });

  it('is confirmed to the owner when DynamoDB goes away right after it counted', async () => {
    const what = 'Bankjes plaatsen bij de Sloterplas';
    const id = await createItem(h, what, '2027-01-15T17:00:00+01:00', { ownerPersonId: 'p-yusuf-demir' });
    await h.to('2027-01-08T18:30:00+01:00');
    const link = linkIn((await h.mailTo('yusuf.demir@example.org', `Herinnering: ${what}`))[0].text);
    const proof = await proofOn(h, link);

    dying = await dieAfterTheWriteOf(`ITEM#${id}`, 'ITEM', 'ServiceUnavailable');
    const res = await h.post(link, { proof, answer: 'done', result: 'Drie bankjes staan er' });
    dying.disarm();
    expect(dying.dead).toBe(true);
    // The answer counted, so the page says so; the receipt follows with the workflow's next step.
    expect(res.status).toBe(200);
    expect(res.html).toContain('Uw antwoord is ontvangen');
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body.status).toBe('done');
    await h.to('2027-01-14T18:30:00+01:00');
    await h.rt.whenIdle();
    expect(await h.mailTo('yusuf.demir@example.org', `Ontvangen: ${what}`)).toHaveLength(1);
  });
});
