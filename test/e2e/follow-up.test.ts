/**
 * Action items end to end on the local runtime: reminders, the owner's one link, more time
 * (within the limit, and beyond it with the project leader's approval), the escalation ladder
 * over the Christmas holidays, and completion ending the workflow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const MACHINE = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-followUp';
const to = (iso: string) => h.to(iso);
const linkIn = (text: string) => /https?:\/\/\S+\/f\/[A-Za-z0-9_.-]+/.exec(text)![0];
const formOf = async (link: string) => /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];

async function create(what: string, due: string, owner: Record<string, string> = { ownerOrganisationId: 'gemeente' }) {
  const res = await h.api('POST', '/api/follow-ups', {
    what,
    due,
    bodyId: 'kerngroep-de-punt',
    origin: { kind: 'meeting', ref: 'kerngroep 8 december' },
    ...owner,
  });
  expect(res.status).toBe(201);
  await h.rt.whenIdle();
  return res.body.id as string;
}

describe('follow-up of an agreement', () => {
  let id = '';

  it('reminds the partner contact before the due date, with one link that GET and HEAD never change', async () => {
    id = await create('Jongerenwerker inzetten in De Punt', '2026-12-14T17:00:00+01:00');
    await to('2026-12-07T18:00:00+01:00');
    const reminders = await h.mailTo('marloes.dijkstra@example.org', 'Herinnering: Jongerenwerker');
    expect(reminders).toHaveLength(1);
    const link = linkIn(reminders[0].text);
    const before = (await h.api('GET', `/api/follow-ups/${id}`)).body;
    for (const m of ['GET', 'HEAD'] as const) expect((await h.open(link, m)).status).toBe(200);
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body.version).toBe(before.version);
  });

  it('takes more time within the limit: the due date moves and the reminders follow it', async () => {
    const link = linkIn((await h.mailTo('marloes.dijkstra@example.org', 'Herinnering: Jongerenwerker'))[0].text);
    const incomplete = await h.post(link, {
      proof: await formOf(link),
      answer: 'more-time',
      due: '2026-12-21',
      reason: '',
    });
    expect(incomplete.status).toBe(400);
    // Beyond an action item's horizon (300 days from its start): refused on the page, nothing changes.
    const far = await h.post(link, {
      proof: await formOf(link),
      answer: 'more-time',
      due: '9999-12-31',
      reason: 'Veel later',
    });
    expect(far.status).toBe(400);
    expect(far.html).toContain('hooguit 300 dagen');
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body).toMatchObject({
      status: 'open',
      due: expect.stringMatching(/^2026-/),
    });
    const res = await h.post(link, {
      proof: await formOf(link),
      answer: 'more-time',
      due: '2026-12-21',
      reason: 'Sollicitatiegesprekken lopen nog',
    });
    expect(res.html).toContain('Uw antwoord is ontvangen');
    await h.rt.whenIdle();
    const item = (await h.api('GET', `/api/follow-ups/${id}`)).body;
    expect(item).toMatchObject({
      status: 'open',
      due: '2026-12-21T16:00:00.000Z',
      dueHistory: [{ reason: 'Sollicitatiegesprekken lopen nog' }],
    });
    // The new date brings its own reminders, 7 days and 1 day before it. The second falls on
    // Sunday 20 December, when no reminders go out: it arrives on Monday at 8:00, before the due date.
    await to('2026-12-20T18:00:00+01:00');
    expect(await h.mailTo('marloes.dijkstra@example.org', 'Herinnering: Jongerenwerker')).toHaveLength(2);
    await to('2026-12-21T08:30:00+01:00');
    expect(await h.mailTo('marloes.dijkstra@example.org', 'Herinnering: Jongerenwerker')).toHaveLength(3);
  });

  it('asks for the status on the due date, then escalates in working days over the holidays, telling the steps before', async () => {
    // The status question falls due at 17:00, but Marloes had her one reminder of the day at 8:00:
    // it waits for the next morning, which is still well before the next step of the ladder.
    await to('2026-12-21T18:00:00+01:00');
    expect(await h.mailTo('marloes.dijkstra@example.org', 'Is het gelukt?')).toHaveLength(0);
    await to('2026-12-22T08:30:00+01:00');
    expect(await h.mailTo('marloes.dijkstra@example.org', 'Is het gelukt?')).toHaveLength(1);
    await to('2026-12-23T18:00:00+01:00');
    expect(await h.mailTo('samira.amrani@example.org', 'Afspraak niet nagekomen')).toHaveLength(0);
    // Three working days after Monday 21 December: Thursday 24 December.
    await to('2026-12-24T18:00:00+01:00');
    expect(await h.mailTo('samira.amrani@example.org', 'Afspraak niet nagekomen')).toHaveLength(1);
    const told = await h.mailTo('marloes.dijkstra@example.org', 'Afspraak niet nagekomen');
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('doorgezet naar de projectleider');
    // Five working days after 24 December skip 25/26 December, the weekend and New Year: Monday 4 January.
    await to('2027-01-01T18:00:00+01:00');
    const timeline = (await h.api('GET', `/api/follow-ups/${id}`)).body.timeline.map((e: any) => e.kind);
    expect(timeline.filter((k: string) => k === 'escalated')).toHaveLength(1);
    await to('2027-01-04T18:00:00+01:00');
    expect(
      (await h.api('GET', `/api/follow-ups/${id}`)).body.timeline.filter((e: any) => e.kind === 'escalated'),
    ).toHaveLength(2);
    // Ten working days later it reaches the board, whose chair hears of it; everyone before is told.
    await to('2027-01-18T18:00:00+01:00');
    expect(await h.mailTo('anouk.de.vries@example.org', 'Afspraak niet nagekomen: Jongerenwerker')).toHaveLength(1);
    expect((await h.mailTo('marloes.dijkstra@example.org', 'Afspraak niet nagekomen')).map((m) => m.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('het alliantiebestuur')]),
    );
  });

  it('ends when the owner reports it done: the office hears the result, the workflow finishes', async () => {
    const link = linkIn((await h.mailTo('marloes.dijkstra@example.org', 'Is het gelukt?'))[0].text);
    await h.post(link, { proof: await formOf(link), answer: 'done', result: 'Jongerenwerker begint op 1 februari' });
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${id}`)).body).toMatchObject({
      status: 'done',
      result: 'Jongerenwerker begint op 1 februari',
    });
    const office = await h.mailTo('programmabureau@example.org', 'Afgerond: Jongerenwerker');
    expect(office).toHaveLength(1);
    expect(office[0].text).toContain('Jongerenwerker begint op 1 februari');
    // The office's own copy: not greeted and signed as if it wrote to itself.
    for (const body of [office[0].text, office[0].html]) {
      expect(body).not.toMatch(/Beste programmabureau|Het programmabureau/i);
      expect(body).toContain('Dit bericht is automatisch verstuurd door Alliantiecyclus.');
    }
    expect(h.rt.sfn.listExecutions(MACHINE).find((e) => e.name === id)?.status).toBe('SUCCEEDED');
    const again = await h.open(link);
    expect(again.status).toBe(409);
    // Terugkoppeling: the public page of the kerngroep shows the result, without personal data.
    const pub = await fetch(`${h.rt.urls.app}/p/kerngroep-de-punt`);
    const html = await pub.text();
    expect(pub.status).toBe(200);
    expect(html).toContain('Jongerenwerker begint op 1 februari');
    expect(html).toContain('Gemeente Amsterdam');
    expect(html).not.toContain('Marloes');
    expect(html).not.toContain('@example.org');
    expect((await fetch(`${h.rt.urls.app}/p/nope`)).status).toBe(404);
    const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });
});

describe('longer delays and other answers', () => {
  it('needs the project leader for a date beyond the limit, who approves with one click', async () => {
    const id = await create('Afvalbakken plaatsen op het Dijkgraafsplein', '2027-01-27T17:00:00+01:00', {
      ownerPersonId: 'p-ruben-kok',
    });
    await to('2027-01-20T18:00:00+01:00');
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
    await to('2027-02-03T18:00:00+01:00');
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
    await to('2027-04-07T18:00:00+02:00');
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
    await to('2027-04-09T19:00:00+02:00');
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
    await to('2027-04-16T19:00:00+02:00');
    const told = (await h.mailTo('ruben.kok@example.org', 'Bankje bij de bushalte')).map((m) => m.text);
    expect(told).toEqual(expect.arrayContaining([expect.stringContaining('de agenda van de kerngroep')]));
    // Ten working days later (Koningsdag skipped): the board's chair, who can decide with one click.
    await to('2027-05-01T19:00:00+02:00');
    expect(await h.mailTo('anouk.de.vries@example.org', 'Bankje bij de bushalte')).toHaveLength(0);
    await to('2027-05-03T19:00:00+02:00');
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
