/**
 * Partner input rounds end to end: one link per contact, mixed answers, reminders only to those
 * without one, the summary, and escalation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const linkIn = (text: string) => /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(text)![0];
const formOf = async (link: string) => /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
const inDays = (d: number) => new Date(h.rt.clock.now().getTime() + d * 86400_000).toISOString();

describe('input round (uitvraag) for the SPUK application', () => {
  let id = '';
  const partners = {
    woon: 'ruben.kok@example.org',
    ondersteboven: 'yusuf.demir@example.org',
    'bloei-en-groei': 'ineke.smit@example.org',
    fortify: 'kevin.mensah@example.org',
  };

  it('asks each partner through its contact, with one link', async () => {
    const res = await h.api('POST', '/api/input-rounds', {
      title: 'Bijdrage SPUK-aanvraag',
      request: 'Welke activiteiten doet u in 2027 voor de wijk, en met hoeveel uren?',
      organisationIds: Object.keys(partners),
      deadline: inDays(10),
      reminders: ['P3D'],
      escalate: true,
      bodyId: 'alliantiebestuur',
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    await h.rt.whenIdle();
    for (const address of Object.values(partners))
      expect(await h.mailTo(address, 'Gevraagd: Bijdrage SPUK-aanvraag')).toHaveLength(1);
  });

  it('takes mixed answers: delivered, later, not applicable; a GET changes nothing', async () => {
    const link = async (address: string) => linkIn((await h.mailTo(address, 'Gevraagd'))[0].text);
    const ruben = await link(partners.woon);
    expect((await h.open(ruben, 'HEAD')).status).toBe(200);
    expect((await h.post(ruben, { proof: await formOf(ruben), kind: 'delivered' })).status).toBe(400);
    // A person's own kind of answer is not a partner's: refused as no choice, not as a closed round.
    const personal = await h.post(ruben, { proof: await formOf(ruben), kind: 'answered', text: 'x' });
    expect(personal.status).toBe(400);
    expect(personal.html).toContain('Kies een van de mogelijkheden.');
    await h.post(ruben, {
      proof: await formOf(ruben),
      kind: 'delivered',
      text: 'Huiswerkbegeleiding, 12 uur per week',
      url: 'https://example.org/woon-bijdrage.pdf',
    });
    const yusuf = await link(partners.ondersteboven);
    const far = await h.post(yusuf, { proof: await formOf(yusuf), kind: 'will-deliver', date: '9999-12-31' });
    expect(far.status).toBe(400);
    expect(far.html).toContain('Kies een datum binnen een jaar');
    await h.post(yusuf, {
      proof: await formOf(yusuf),
      kind: 'will-deliver',
      date: new Date(h.rt.clock.now().getTime() + 20 * 86400_000).toISOString().slice(0, 10),
    });
    const ineke = await link(partners['bloei-en-groei']);
    const thanks = await h.post(ineke, { proof: await formOf(ineke), kind: 'not-applicable' });
    expect(thanks.html).toContain('<title>Uitvraag</title>');
    const round = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(Object.keys(round.answers).sort()).toEqual(['bloei-en-groei', 'ondersteboven', 'woon']);
    expect(await h.mailTo(partners.woon, 'Ontvangen: Bijdrage SPUK-aanvraag')).toHaveLength(1);
  });

  it('reminds only the partner without an answer', async () => {
    // Due a few seconds after 10:00: the budget's next whole hour, 11:00, and each person's moment in the quarter after it.
    await h.advance('P7DT1H15M');
    for (const [org, address] of Object.entries(partners)) {
      expect(await h.mailTo(address, 'Herinnering: Bijdrage SPUK-aanvraag'), org).toHaveLength(
        org === 'fortify' ? 1 : 0,
      );
    }
  });

  it('sends the office a summary at the deadline and puts the non-responder on the escalation ladder', async () => {
    await h.advance('P3D');
    const summary = await h.mailTo('programmabureau@example.org', 'Overzicht uitvraag: Bijdrage SPUK-aanvraag');
    expect(summary).toHaveLength(1);
    expect(summary[0].text).toContain(
      'Woon!: aangeleverd: Huiswerkbegeleiding, 12 uur per week (https://example.org/woon-bijdrage.pdf)',
    );
    expect(summary[0].text).toContain('Bloei en Groei: niet van toepassing');
    expect(summary[0].text).toContain('Fortify: geen antwoord');
    expect(summary[0].text).not.toMatch(/Beste programmabureau|Het programmabureau/i);
    expect(summary[0].text).toContain('Dit bericht is automatisch verstuurd door Alliantiecyclus.');
    const items = (await h.api('GET', '/api/follow-ups')).body.followUps;
    expect(items.filter((i: any) => i.what.startsWith('Bijdrage SPUK-aanvraag'))).toEqual([
      expect.objectContaining({ owner: { organisationId: 'fortify' }, origin: { kind: 'office', ref: id } }),
    ]);
    const late = linkIn((await h.mailTo(partners.fortify, 'Gevraagd'))[0].text);
    const closed = await h.open(late);
    expect(closed.status).toBe(409);
    // Looking changes nothing, so the page does not say that something was refused.
    expect(closed.html).toContain('<title>Uitvraag</title>');
    expect(closed.html).toContain('Deze uitvraag is gesloten.');
    expect(closed.html).not.toContain('Er is niets veranderd');
    const sent = await h.post(late, { proof: 'x', kind: 'not-applicable' });
    expect(sent.status).toBe(409);
    expect(sent.html).toContain('<title>Uitvraag</title>');
    expect(sent.html).toContain('Deze uitvraag is gesloten. Er is niets veranderd.');
    expect(
      h.rt.sfn
        .listExecutions('arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-inputRound')
        .find((e) => e.name === id)?.status,
    ).toBe('SUCCEEDED');
  });

  it('puts the reminder, the close and the summary to the office on its timeline, in Dutch', async () => {
    const { timeline } = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    const of = (kind: string) => timeline.filter((e: any) => e.kind === kind);
    expect(of('reminded')).toEqual([
      expect.objectContaining({ label: 'Herinnering klaargezet', details: expect.objectContaining({ partners: 1 }) }),
    ]);
    expect(of('closed')).toEqual([
      expect.objectContaining({
        label: 'Uitvraag gesloten',
        details: expect.objectContaining({ answered: 3, pending: 1 }),
      }),
    ]);
    expect(of('email').filter((e: any) => e.details.tag === 'notice')).toEqual([
      expect.objectContaining({
        label: 'E-mail verstuurd',
        details: expect.objectContaining({ to: expect.stringContaining('@example.org') }),
      }),
    ]);
    const times = timeline.map((e: any) => e.at);
    expect(times).toEqual([...times].sort());
    const labels = timeline.map((e: any) => e.label);
    expect(labels).not.toContain('Stap in het verloop');
  });

  it('refuses unknown partners and bad input with 400', async () => {
    const bad = await h.api('POST', '/api/input-rounds', {
      title: 'x',
      request: '',
      organisationIds: ['nope'],
      deadline: 'morgen',
      bodyId: 'alliantiebestuur',
    });
    expect(bad.status).toBe(400);
    const unknown = await h.api('POST', '/api/input-rounds', {
      title: 'Cijfers',
      request: 'Aantallen',
      organisationIds: ['nope'],
      deadline: inDays(5),
      bodyId: 'alliantiebestuur',
    });
    expect(unknown.body.fields).toHaveProperty('organisationIds');
  });
});
