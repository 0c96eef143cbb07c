/**
 * A fresh local start has the demo's running cycles (local/demo-cycles.ts): the SPUK application
 * with its first steps done, the partners' round running and the rest to come, and the monitoring
 * of three actielijnen (each a record, its cycle about it) asking their first report. A restart makes none of them twice, also after a
 * start that stopped half-way; the public cycles and actielijnen pages, fetched over HTTP, name none of the people.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../local/demo-data';
import { demoActielijnen, spukAnchors } from '../../local/demo-cycles';
import { TABLE_NAME } from '../../local/runtime';
import { freePorts, Harness, TEST_START } from '../support/local';

const dataDir = mkdtempSync(join(tmpdir(), 'demo-cycles-'));
let ports: Awaited<ReturnType<typeof freePorts>>;
let h: Harness;
beforeAll(async () => {
  ports = await freePorts();
  h = await Harness.start({ dataDir, ports, demoCycles: true });
  await h.rt.whenIdle();
});
afterAll(async () => {
  await h.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type PhaseView = { key: string; status: string; facts: Record<string, unknown> };
type CycleView = {
  id: string;
  templateId: string;
  name: { nl: string };
  subject?: { actielijnId: string; name: string };
  status: string;
  version: number;
  phases: PhaseView[];
};
const cycles = async (): Promise<CycleView[]> => (await h.api('GET', '/api/cycles')).body.cycles;
const statuses = (c: CycleView) => Object.fromEntries(c.phases.map((p) => [p.key, p.status]));

describe('the demo cycles on a fresh start', () => {
  it('has the SPUK application running: the first steps done, the partners asked, the rest to come', async () => {
    const spuk = (await cycles()).filter((c) => c.templateId === 'spuk-application');
    expect(spuk).toHaveLength(1);
    expect(spuk[0].status).toBe('running');
    const s = statuses(spuk[0]);
    expect(s).toMatchObject({ kickOff: 'done', residentInput: 'running', partnerContributions: 'running' });
    for (const key of ['draft', 'review', 'boardAgenda', 'boardApproval', 'submission', 'award'])
      expect(s[key], key).toBe('toCome');
    expect(spuk[0].phases.find((p) => p.key === 'partnerContributions')?.facts).toMatchObject({
      flow: { kind: 'inputRound' },
    });
    // The partners' contacts and the residents got their round's request.
    expect(await h.mailTo('ruben.kok@example.org', 'Aanvraag SPUK Kansrijke Wijk')).toHaveLength(1);
    expect(await h.mailTo('ria.jansen@example.org', 'Aanvraag SPUK Kansrijke Wijk')).toHaveLength(1);
    // The board meets on the application's date, so its agenda phase will find that meeting.
    const series = (await h.api('GET', '/api/meeting-series')).body.series as { bodyId: string; id: string }[];
    const board = series.filter((x) => x.bodyId === 'alliantiebestuur');
    expect(board).toHaveLength(1);
    // The office recorded one resident's letter in the residents' round.
    const round = spuk[0].phases.find((p) => p.key === 'residentInput')?.facts.flow as { id: string };
    const answers = (await h.api('GET', `/api/input-rounds/${round.id}`)).body.answers;
    expect(Object.keys(answers)).toEqual(['p-hamid-ouali']);
  });

  it('plans the board meeting on a Thursday, 60 to 66 days ahead at 16:00 in Amsterdam', () => {
    const { boardMeeting } = spukAnchors(new Date(TEST_START));
    // From Monday 2 November 2026: the first Thursday at least 60 days on is 7 January 2027.
    expect(boardMeeting).toBe('2027-01-07T16:00:00.000+01:00');
  });

  it("monitors three actielijnen, each cycle about its own and asking its trekker's first report now", async () => {
    const monitoring = (await cycles()).filter((c) => c.templateId === 'actielijn-monitoring');
    expect(monitoring).toHaveLength(3);
    const actielijnen = (await h.api('GET', '/api/actielijnen')).body.actielijnen;
    expect(actielijnen.map((a: { name: string }) => a.name).sort()).toEqual(demoActielijnen.map((a) => a.name).sort());
    for (const c of monitoring) {
      expect(c.status).toBe('running');
      expect(statuses(c)).toMatchObject({ 'progressUpdate-1': 'running', 'currentState-1': 'toCome' });
      const about = actielijnen.find((a: { id: string }) => a.id === c.subject?.actielijnId);
      expect(c.name.nl).toBe(`Voortgang van een actielijn – ${about.name}`);
    }
  });

  it('shows them on the public cycles page without any name, email or id of a person', async () => {
    const page = await h.open(`${h.rt.urls.app}/cycli`);
    expect(page.status).toBe(200);
    const text = page.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Aanvraag SPUK Kansrijke Wijk');
    expect(text).toContain('Bijdragen van partners Wie: de partners · bezig');
    expect(text).toContain('Concept-aanvraag schrijven Wie: het programmateam · komt nog');
    expect(text).toContain('Trekker: Stichting Nexum');
    // Whole words only: "Daan" is in "daarna".
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const word = (s: string) => new RegExp(`(^|[^\\p{L}])${escape(s)}($|[^\\p{L}])`, 'iu');
    for (const p of people) {
      for (const s of [p.name, p.email, p.id, ...p.name.split(' ').filter((w) => w.length > 3)])
        expect(page.html, `${p.id}: ${s}`).not.toMatch(word(s));
    }
    expect(text).toContain('Voortgang van een actielijn – Coöperatieven');
    // The actielijnen page: each with its result, no person either.
    const lines = await h.open(`${h.rt.urls.app}/actielijnen`);
    expect(lines.status).toBe(200);
    for (const a of demoActielijnen) expect(lines.html).toContain(a.result);
    // Two start with a current state, dated the day the demo went in; the third waits for its trekker.
    const linesText = lines.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(linesText).toContain('(bijgewerkt op 2 november 2026) We brengen in kaart welke initiatieven');
    expect(linesText).toContain('leest u hier zodra de trekker het voor het eerst heeft verteld');
    for (const p of people) {
      for (const s of [p.name, p.email, p.id, ...p.name.split(' ').filter((w) => w.length > 3)])
        expect(lines.html, `${p.id}: ${s}`).not.toMatch(word(s));
    }
    // And the body's public page links to it.
    expect((await h.open(`${h.rt.urls.app}/p/alliantiebestuur`)).html).toContain('href="../cycli"');
  });

  it('has a consultation open to Nieuw-West, with its form on the public page', async () => {
    const [c] = (await h.api('GET', '/api/consultations')).body.consultations;
    expect(c).toMatchObject({ title: 'Een nieuw plein bij de Sloterplas', status: 'open' });
    expect(c.areas).toHaveLength(10);
    const page = await h.open(`${h.rt.urls.app}/inspraak/${c.id}`);
    expect(page.html).toContain('U kunt nu reageren');
    expect(page.html).toContain('name="text"');
  });

  it('makes nothing twice on a restart, nor after a start that stopped half-way', async () => {
    const actielijnen = async () => (await h.api('GET', '/api/actielijnen')).body.actielijnen;
    const consultations = async () => (await h.api('GET', '/api/consultations')).body.consultations;
    const before = {
      cycles: await cycles(),
      mail: (await h.mail()).length,
      actielijnen: await actielijnen(),
      consultations: await consultations(),
    };
    await h.stop();
    h = await Harness.start({ dataDir, ports, demoCycles: true });
    await h.rt.whenIdle();
    expect(await cycles()).toEqual(before.cycles);
    // As if the first start had stopped before it finished: the seed runs again, on the same keys.
    const { dynamo } = await import('../../functions/platform/clients');
    const Key = { pk: 'META#demo-cycles', sk: 'META' };
    const marker = (await dynamo.send(new GetCommand({ TableName: TABLE_NAME, Key }))).Item!;
    await dynamo.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...Key, from: marker.from } }));
    await h.stop();
    h = await Harness.start({ dataDir, ports, demoCycles: true });
    await h.rt.whenIdle();
    const after = await cycles();
    expect(after.map((c) => [c.id, c.version])).toEqual(before.cycles.map((c) => [c.id, c.version]));
    expect((await h.mail()).length).toBe(before.mail);
    expect(await actielijnen()).toEqual(before.actielijnen);
    expect(await consultations()).toEqual(before.consultations);
  });
});
