/**
 * An actielijn's monitoring as a cycle, end to end on the local runtime over HTTP and the moved
 * clock: four quarterly updates by the trekker, each an action item reminded a week before it is
 * due. The second one is late: the trekker is reminded again and asked whether it is done, the
 * project leader hears of it once (the first step of the ladder), and the trekker's answer then
 * stops the ladder. The office marks each publication of the current state done; the fourth
 * update ends the cycle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, proofOn } from '../e2e/follow-up-support';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  // Friday 26 February 2027, 10:00 in Amsterdam: just before the first quarter's update.
  h = await Harness.start({ startAt: '2027-02-26T09:00:00Z' });
});
afterAll(() => h.stop());

const WHAT = 'Voortgang van een actielijn: Voortgang van de actielijn';
const YUSUF = 'yusuf.demir@example.org';
const SAMIRA = 'samira.amrani@example.org';
let id = '';
const cycle = async () => (await h.api('GET', `/api/cycles/${id}`)).body;
const phase = async (key: string) => (await cycle()).phases.find((p: { key: string }) => p.key === key);

/** The trekker answers through the link in the latest email about the update that has one. */
async function trekkerReports(result: string) {
  const link = linkIn((await h.mailTo(YUSUF, WHAT)).filter((m) => m.text.includes('/f/')).at(-1)!.text);
  expect((await h.post(link, { proof: await proofOn(h, link), answer: 'done', result })).status).toBe(200);
  await h.rt.whenIdle();
}

async function published(key: string) {
  const res = await h.api('POST', `/api/cycles/${id}/phases/${key}/done`, {
    version: (await cycle()).version,
    note: 'Op de website gezet',
  });
  expect(res.status).toBe(200);
}

describe("an actielijn's quarters", () => {
  it('starts, and the first update becomes an action item for the trekker on 1 March', async () => {
    const res = await h.api('POST', '/api/cycles', {
      templateId: 'actielijn-monitoring',
      anchors: { yearStart: '2027-01-01T00:00:00+01:00' },
      assignments: { trekker: { personIds: ['p-yusuf-demir'] }, programmeTeam: { personIds: ['p-samira-amrani'] } },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body.phases.map((p: { key: string }) => p.key).filter((k: string) => k.startsWith('progress'))).toEqual([
      'progressUpdate-1',
      'progressUpdate-2',
      'progressUpdate-3',
      'progressUpdate-4',
    ]);
    await h.to('2027-03-01T10:00:00+01:00');
    expect(await phase('progressUpdate-1')).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
  });

  it('the first quarter: reminded a week before, reported, and the office publishes the state', async () => {
    await h.to('2027-04-08T18:30:00+02:00');
    const [reminder] = await h.mailTo(YUSUF, `Herinnering: ${WHAT}`);
    // The template's four questions reach the trekker, in the email and on the item's page.
    for (const q of ['Hoe staat het ervoor?', 'Wat is gedaan?', 'Wat komt hierna?', "Welke risico's zijn er?"])
      expect(reminder.text).toContain(`- ${q}`);
    expect((await h.open(linkIn(reminder.text))).html).toContain('<p>- Wat komt hierna?</p>');
    expect(await h.mailTo(YUSUF, `Herinnering: ${WHAT}`)).toHaveLength(1);
    await trekkerReports('Op schema; twee bijeenkomsten gehouden');
    await h.to('2027-04-16T10:00:00+02:00');
    expect(await phase('progressUpdate-1')).toMatchObject({ status: 'done' });
    await published('currentState-1');
  });

  it('the second quarter is late: reminded twice, asked on the due date, escalated to the project leader once', async () => {
    await h.to('2027-06-01T10:00:00+02:00');
    expect(await phase('progressUpdate-2')).toMatchObject({ status: 'running' });
    await h.to('2027-07-15T18:30:00+02:00');
    // The first quarter's reminder, and this quarter's a week and a day before.
    expect(await h.mailTo(YUSUF, `Herinnering: ${WHAT}`)).toHaveLength(3);
    expect(await h.mailTo(YUSUF, `Is het gelukt? ${WHAT}`)).toHaveLength(1);
    expect(await phase('progressUpdate-2')).toMatchObject({ status: 'late' });
    expect(await h.mailTo(SAMIRA, 'Afspraak niet nagekomen')).toHaveLength(0);
    // Three working days after the due date the project leader (the kerngroep's chair) hears of it.
    await h.to('2027-07-20T18:30:00+02:00');
    const [escalation] = await h.mailTo(SAMIRA, `Afspraak niet nagekomen: ${WHAT}`);
    expect(escalation.text).toContain('donderdag 15 juli 2027 om 17:00');
    expect(escalation.text).toContain('Het punt gaat nu naar de projectleider.');
    await h.to('2027-07-21T10:00:00+02:00');
    await trekkerReports('Vertraagd door de zomer, nu weer op schema');
    // The ladder's next step (the kerngroep's agenda, 27 July) does not come.
    await h.to('2027-07-28T12:00:00+02:00');
    expect(await h.mailTo(SAMIRA, 'Afspraak niet nagekomen')).toHaveLength(1);
    expect(await phase('progressUpdate-2')).toMatchObject({ status: 'done' });
    await published('currentState-2');
  });

  it('the third and fourth quarters are on time, and the fourth update ends the cycle', async () => {
    await h.to('2027-10-08T18:30:00+02:00');
    await trekkerReports('Het project is klaar voor de winter');
    await h.to('2027-10-16T10:00:00+02:00');
    await published('currentState-3');
    await h.to('2028-01-08T18:30:00+01:00');
    await trekkerReports('Jaar afgerond, verslag volgt');
    await h.to('2028-01-09T12:00:00+01:00');
    const done = await cycle();
    expect(done.status).toBe('done');
    // Only the second quarter was escalated, once; every quarter had its reminder a week before
    // (the second also the day before).
    expect(await h.mailTo(SAMIRA, 'Afspraak niet nagekomen')).toHaveLength(1);
    expect(await h.mailTo(YUSUF, `Herinnering: ${WHAT}`)).toHaveLength(5);
    const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
