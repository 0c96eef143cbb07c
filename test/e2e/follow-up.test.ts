/**
 * Action items end to end on the local runtime: reminders, the owner's one link, more time within
 * the limit, the escalation ladder over the Christmas holidays, and completion ending the workflow.
 * Longer delays and the other answers are in follow-up-answers.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, linkIn, MACHINE, proofOn } from './follow-up-support';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const to = (iso: string) => h.to(iso);
const formOf = (link: string) => proofOn(h, link);
const create = (what: string, due: string, owner?: Record<string, string>) => createItem(h, what, due, owner);

describe('follow-up of an agreement', () => {
  let id = '';

  it('reminds the partner contact before the due date, with one link that GET and HEAD never change', async () => {
    id = await create('Jongerenwerker inzetten in De Punt', '2026-12-14T17:00:00+01:00');
    // Due at 17:00 and a moment (when the workflow wakes): it goes at the budget's next whole hour,
    // 18:00, at Marloes's own moment in the quarter after it.
    await to('2026-12-07T18:30:00+01:00');
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

  it(
    'asks for the status on the due date, then escalates in working days over the holidays, ' +
      'telling the steps before',
    async () => {
      // The status question falls due at 17:00, but Marloes had her one reminder of the day at 8:00:
      // it waits for the next morning, which is still well before the next step of the ladder.
      await to('2026-12-21T18:00:00+01:00');
      expect(await h.mailTo('marloes.dijkstra@example.org', 'Is het gelukt?')).toHaveLength(0);
      await to('2026-12-22T08:30:00+01:00');
      expect(await h.mailTo('marloes.dijkstra@example.org', 'Is het gelukt?')).toHaveLength(1);
      await to('2026-12-23T18:00:00+01:00');
      expect(await h.mailTo('samira.amrani@example.org', 'Afspraak niet nagekomen')).toHaveLength(0);
      // Three working days after Monday 21 December: Thursday 24 December.
      await to('2026-12-24T18:30:00+01:00');
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
      await to('2027-01-18T18:30:00+01:00');
      expect(await h.mailTo('anouk.de.vries@example.org', 'Afspraak niet nagekomen: Jongerenwerker')).toHaveLength(1);
      expect((await h.mailTo('marloes.dijkstra@example.org', 'Afspraak niet nagekomen')).map((m) => m.text)).toEqual(
        expect.arrayContaining([expect.stringContaining('het alliantiebestuur')]),
      );
    },
  );

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
