/**
 * Action items end to end on the local runtime, the other answers: more time beyond the limit with
 * the project leader's approval, handed back, stuck, done before the due date, a request for more
 * time nobody decides on (reminded, escalated, late from the agreed date), and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, linkIn, MACHINE, proofOn } from './follow-up-support';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
  // Where follow-up.test.ts leaves the clock: these items are agreed in the new year. Moving there
  // here, not in the first test, keeps two months of timers out of that test's time limit.
  await h.to('2027-01-18T18:00:00+01:00');
});
afterAll(() => h.stop());

const to = (iso: string) => h.to(iso);
const formOf = (link: string) => proofOn(h, link);
const create = (what: string, due: string, owner?: Record<string, string>) => createItem(h, what, due, owner);

describe('longer delays and other answers', () => {
  it('needs the project leader for a date beyond the limit, who approves with one click', async () => {
    const id = await create('Afvalbakken plaatsen op het Dijkgraafsplein', '2027-01-27T17:00:00+01:00', {
      ownerPersonId: 'p-ruben-kok',
    });
    await to('2027-01-20T18:30:00+01:00');
    const link = linkIn((await h.mailTo('ruben.kok@example.org', 'Herinnering: Afvalbakken'))[0].text);
    await h.post(link, {
      proof: await formOf(link),
      answer: 'more-time',
      due: '2027-03-31',
      reason: 'Levering pas in maart',
    });
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body.status).toBe('awaiting-approval');
    const ask = await h.mailTo('samira.amrani@example.org', 'Meer tijd gevraagd: Afvalbakken');
    expect(ask).toHaveLength(1);
    const approve = linkIn(ask[0].text);
    const page = await h.open(approve);
    expect(page.html).toContain('Levering pas in maart');
    await h.post(approve, { proof: /name="proof" value="([^"]+)"/.exec(page.html)![1], decision: 'approve' });
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body).toMatchObject({
      status: 'open',
      dueHistory: [{ approvedBy: 'p-samira-amrani', reason: 'Levering pas in maart' }],
    });
    expect((await h.open(approve)).status).toBe(409);
    const decided = await h.mailTo('ruben.kok@example.org', 'Besluit over meer tijd: Afvalbakken');
    expect(decided).toHaveLength(1);
    expect(decided[0].text).toContain('gaat akkoord met de nieuwe datum');
  });

  it('hands an item back to the office, and tells the project leader what a blocked item needs', async () => {
    const back = await create('Bankjes repareren', '2027-02-10T17:00:00+01:00', { ownerPersonId: 'p-ruben-kok' });
    const stuck = await create('Speelplek opknappen', '2027-02-10T17:00:00+01:00', { ownerPersonId: 'p-yusuf-demir' });
    await to('2027-02-03T18:30:00+01:00');
    const l1 = linkIn((await h.mailTo('ruben.kok@example.org', 'Herinnering: Bankjes'))[0].text);
    await h.post(l1, { proof: await formOf(l1), answer: 'not-mine', reason: 'Dit doet het stadsdeel' });
    const l2 = linkIn((await h.mailTo('yusuf.demir@example.org', 'Herinnering: Speelplek'))[0].text);
    await h.post(l2, { proof: await formOf(l2), answer: 'blocked', needs: 'Toestemming van de gemeente' });
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${back}`)).body.status).toBe('returned');
    expect(await h.mailTo('programmabureau@example.org', 'Teruggegeven: Bankjes')).toHaveLength(1);
    expect((await h.api('GET', `/api/follow-ups/${stuck}`)).body).toMatchObject({
      status: 'blocked',
      blockedBy: 'Toestemming van de gemeente',
    });
    expect(await h.mailTo('samira.amrani@example.org', 'Loopt vast: Speelplek')).toHaveLength(1);
  });

  it('ends early for an item done on time: no further reminders, no status question', async () => {
    const id = await create('Hondenpoepbakken bijplaatsen', '2027-03-10T17:00:00+01:00', {
      ownerPersonId: 'p-ruben-kok',
    });
    await to('2027-03-03T18:30:00+01:00');
    const reminders = await h.mailTo('ruben.kok@example.org', 'Herinnering: Hondenpoepbakken');
    expect(reminders).toHaveLength(1);
    const link = linkIn(reminders[0].text);
    await h.post(link, { proof: await formOf(link), answer: 'done', result: 'Drie bakken geplaatst' });
    await h.rt.whenIdle();
    expect(h.rt.sfn.listExecutions(MACHINE).find((e) => e.name === id)?.status).toBe('SUCCEEDED');
    await to('2027-03-12T18:00:00+01:00');
    expect(await h.mailTo('ruben.kok@example.org', 'Hondenpoepbakken')).toEqual([
      expect.objectContaining({ subject: 'Herinnering: Hondenpoepbakken bijplaatsen' }),
      expect.objectContaining({ subject: 'Ontvangen: Hondenpoepbakken bijplaatsen' }),
    ]);
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body).toMatchObject({
      status: 'done',
      result: 'Drie bakken geplaatst',
    });
  });

  it('reminds and escalates a request for more time nobody decides on; late from the original date', async () => {
    const id = await create('Bankje bij de bushalte vervangen', '2027-04-14T17:00:00+02:00', {
      ownerPersonId: 'p-ruben-kok',
    });
    await to('2027-04-07T18:30:00+02:00');
    const link = linkIn((await h.mailTo('ruben.kok@example.org', 'Herinnering: Bankje bij de bushalte'))[0].text);
    const reason = 'De aannemer heeft pas in juni tijd';
    await h.post(link, { proof: await formOf(link), answer: 'more-time', due: '2027-06-30', reason });
    await h.rt.whenIdle();
    expect(await h.mailTo('samira.amrani@example.org', 'Meer tijd gevraagd: Bankje bij de bushalte')).toHaveLength(1);
    // The owner's page shows what was asked and that the project leader still decides.
    const asked = (await h.open(link)).html;
    expect(asked).toContain('30 juni 2027');
    expect(asked).toContain('De aannemer heeft pas in juni tijd');
    // Two working days without a decision: a reminder to the project leader, through her budget.
    await to('2027-04-08T20:00:00+02:00');
    expect(await h.mailTo('samira.amrani@example.org', 'Herinnering: meer tijd gevraagd voor Bankje')).toHaveLength(0);
    await to('2027-04-09T19:30:00+02:00');
    const reminded = await h.mailTo('samira.amrani@example.org', 'Herinnering: meer tijd gevraagd voor Bankje');
    expect(reminded).toHaveLength(1);
    expect(reminded[0].text).toContain('/f/');
    // The original date passes: the item is late from then on, and its page says so.
    await to('2027-04-15T10:00:00+02:00');
    const late = (await h.open(link)).html;
    expect(late).toContain('te laat');
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body).toMatchObject({
      status: 'awaiting-approval',
      due: '2027-04-14T15:00:00.000Z',
      requestedDue: { due: '2027-06-30T15:00:00.000Z' },
    });
    // Five working days after the reminder: to the kerngroep's agenda; the owner is told.
    await to('2027-04-16T19:30:00+02:00');
    const told = (await h.mailTo('ruben.kok@example.org', 'Bankje bij de bushalte')).map((m) => m.text);
    expect(told).toEqual(expect.arrayContaining([expect.stringContaining('de agenda van de kerngroep')]));
    // Ten working days later (Koningsdag skipped): the board's chair, who can decide with one click.
    await to('2027-05-01T19:00:00+02:00');
    expect(await h.mailTo('anouk.de.vries@example.org', 'Bankje bij de bushalte')).toHaveLength(0);
    await to('2027-05-03T19:30:00+02:00');
    const board = await h.mailTo('anouk.de.vries@example.org', 'Nog geen besluit over meer tijd: Bankje bij');
    expect(board).toHaveLength(1);
    const decide = linkIn(board[0].text);
    const page = await h.open(decide);
    expect(page.html).toContain('De aannemer heeft pas in juni tijd');
    await h.post(decide, { proof: /name="proof" value="([^"]+)"/.exec(page.html)![1], decision: 'approve' });
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body).toMatchObject({
      status: 'open',
      due: '2027-06-30T15:00:00.000Z',
      dueHistory: [{ approvedBy: 'p-anouk-de-vries' }],
    });
    const timeline = (await h.api('GET', `/api/follow-ups/${id}`)).body.timeline.map((e: any) => e.kind);
    expect(timeline.filter((k: string) => k === 'escalated')).toHaveLength(2);
    expect((await h.open(link)).html).not.toContain('te laat');
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = (await h.api('GET', '/api/follow-ups')).body.followUps.length;
    const bad = await h.api('POST', '/api/follow-ups', {
      what: 'x',
      due: 'morgen',
      bodyId: 'nope',
      ownerPersonId: 'p-ria-jansen',
      ownerOrganisationId: 'gemeente',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['what', 'due']));
    expect(
      (
        await h.api('POST', '/api/follow-ups', {
          what: 'Iets doen',
          due: '2027-06-01T17:00:00+02:00',
          bodyId: 'nope',
          ownerPersonId: 'p-ria-jansen',
        })
      ).body.fields,
    ).toHaveProperty('bodyId');
    // Where it was agreed is an object: the message says which one, also for a plain text.
    const valid = {
      what: 'Iets doen',
      due: '2027-06-01T17:00:00+02:00',
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ria-jansen',
    };
    const asText = await h.api('POST', '/api/follow-ups', { ...valid, origin: 'kerngroep 8 december' });
    expect(asText.status).toBe(400);
    expect(asText.body.fields.origin).toMatch(/"kind": *"office\|meeting\|decision"/);
    expect(asText.body.fields.origin).toContain('ref');
    const wrongKind = await h.api('POST', '/api/follow-ups', { ...valid, origin: { kind: 'vergadering' } });
    expect(wrongKind.body.fields['origin.kind']).toBe('must be one of: meeting, decision, office');
    expect((await h.api('GET', '/api/follow-ups')).body.followUps.length).toBe(before);
  });
});
