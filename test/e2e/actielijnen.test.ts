/**
 * Actielijnen end to end on the local runtime over HTTP and the moved clock: the office makes one
 * (once under an Idempotency-Key), changes it on the version read, and is answered 400 by field,
 * 404 and 409 as on every route. Then a monitoring cycle about it: the trekker's contact gets the
 * quarterly report as an action item named after the actielijn, closes it with what was done and
 * what comes next, and at the cycle's next look that text is the actielijn's current state, dated,
 * on GET /api/actielijnen/{id} and on the public page, without anyone's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn as itemLink, proofOn } from './follow-up-support';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

/** A request with headers the Harness's `api` does not send (Idempotency-Key). */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.rt.urls.app}${path}`, {
    method,
    headers: { authorization: `Bearer ${h.rt.officeToken}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as any };
}

const COOPERATIEVEN = {
  name: 'Coöperatieven',
  opgave: 'Community wealth building',
  trekkerOrganisationIds: ['nexum'],
  contactPersonId: 'p-samira-amrani',
  parties: ['AmsterDoen', 'MeentCoop'],
  residentOwnership: 'Bewoners en werknemers zijn samen eigenaar.',
  result: 'Minstens vier coöperatieven van werknemers of buurtbewoners.',
  risks: 'Startgeld is nog niet rond.',
  planning: '2025: twee coöperatieven starten.',
};
const NAIMA = 'naima.bouzid@example.org';
let id = '';

describe('an actielijn through the office API', () => {
  it('is made once under an Idempotency-Key; another request under the key is a 409', async () => {
    const key = { 'idempotency-key': 'actielijn-coop' };
    const first = await call('POST', '/api/actielijnen', COOPERATIEVEN, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...COOPERATIEVEN, status: 'active', version: 1, stateHistory: [] });
    expect(first.body.requestHash).toBeUndefined();
    id = first.body.id;
    expect(await call('POST', '/api/actielijnen', COOPERATIEVEN, key)).toEqual(first);
    const other = await call('POST', '/api/actielijnen', { ...COOPERATIEVEN, name: 'Anders' }, key);
    expect(other.status).toBe(409);
    expect((await call('GET', '/api/actielijnen')).body.actielijnen.map((a: any) => a.id)).toEqual([id]);
  });

  it('refuses bad input by field (400), an unknown one (404) and a stale version (409), changing nothing', async () => {
    const bad = await call('POST', '/api/actielijnen', { ...COOPERATIEVEN, name: 'x', trekkerOrganisationIds: [] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['name', 'trekkerOrganisationIds']);
    const unknown = await call('POST', '/api/actielijnen', { ...COOPERATIEVEN, trekkerOrganisationIds: ['niemand'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual({ trekkerOrganisationIds: 'unknown organisation niemand' });
    expect((await call('GET', '/api/actielijnen/al-none')).status).toBe(404);
    expect((await call('POST', '/api/actielijnen/al-none', { version: 1, risks: 'Geen' })).status).toBe(404);
    const changed = await call('POST', `/api/actielijnen/${id}`, { version: 1, risks: 'Startgeld is rond.' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, risks: 'Startgeld is rond.', name: 'Coöperatieven' });
    const stale = await call('POST', `/api/actielijnen/${id}`, { version: 1, risks: 'Toch niet' });
    expect(stale.status).toBe(409);
    expect((await call('POST', `/api/actielijnen/${id}/state`, { version: 2, text: 'x' })).status).toBe(400);
    const read = await call('GET', `/api/actielijnen/${id}`);
    expect(read.etag).toBe('"2"');
    expect(read.body).toMatchObject({ version: 2, risks: 'Startgeld is rond.', stateHistory: [] });
    expect(read.body.timeline.map((e: any) => e.key)).toEqual(['v000001:created', 'v000002:updated']);
    // A cycle about an actielijn that does not exist is refused on that field.
    const cycle = await call('POST', '/api/cycles', {
      templateId: 'actielijn-monitoring',
      anchors: { yearStart: '2026-09-01T00:00:00+02:00' },
      assignments: { trekker: { organisationIds: ['nexum'] }, programmeTeam: { personIds: ['p-samira-amrani'] } },
      subject: { actielijnId: 'al-none' },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.fields['subject.actielijnId']).toContain('Er is geen actielijn "al-none"');
  });
});

describe("a monitoring cycle about it: the trekker's quarterly update becomes its current state", () => {
  let cycleId = '';

  it('asks the trekker for the quarter as an action item that names the actielijn', async () => {
    // The monitoring year began on 1 September: the first quarter's report runs from 1 November.
    const res = await call('POST', '/api/cycles', {
      templateId: 'actielijn-monitoring',
      anchors: { yearStart: '2026-09-01T00:00:00+02:00' },
      assignments: { trekker: { organisationIds: ['nexum'] }, programmeTeam: { personIds: ['p-samira-amrani'] } },
      subject: { actielijnId: id },
    });
    expect(res.status).toBe(201);
    cycleId = res.body.id;
    expect(res.body.name.nl).toBe('Voortgang van een actielijn – Coöperatieven');
    expect(res.body.subject).toEqual({ actielijnId: id, name: 'Coöperatieven' });
    await h.rt.whenIdle();
    const cycle = (await call('GET', `/api/cycles/${cycleId}`)).body;
    expect(cycle.phases.find((p: any) => p.key === 'progressUpdate-1')).toMatchObject({
      status: 'running',
      facts: { flow: { kind: 'followUp' } },
    });
    // The action item reminds its owner a week before the due date (15 December, 17:00), in the
    // next morning's message of the reminder budget.
    await h.to('2026-12-09T12:00:00+01:00');
    await h.rt.whenIdle();
    expect(await h.mailTo(NAIMA, 'Voortgang van een actielijn – Coöperatieven: Voortgang')).toHaveLength(1);
  });

  it('takes what the trekker wrote as the current state, dated, and shows it on the public page', async () => {
    const [mail] = await h.mailTo(NAIMA, 'Voortgang van een actielijn – Coöperatieven: Voortgang');
    const link = itemLink(mail.text);
    const result = 'Twee coöperaties zijn gestart. Hierna: een pand zoeken. Risico: de huur is hoog.';
    const answered = await h.post(link, { proof: await proofOn(h, link), answer: 'done', result });
    expect(answered.status).toBe(200);
    await h.rt.whenIdle();
    // The cycle looks at its running phases once a day.
    await h.to('2026-12-10T20:00:00+01:00');
    await h.rt.whenIdle();
    const report = (await call('GET', `/api/cycles/${cycleId}`)).body.phases.find(
      (p: any) => p.key === 'progressUpdate-1',
    );
    expect(report.status).toBe('done');
    // Written to the office, not yet public: the office publishes the quarter's state (from the 15th).
    expect((await call('GET', `/api/actielijnen/${id}`)).body.version).toBe(2);
    await h.to('2026-12-15T18:00:00+01:00');
    const cycle = (await call('GET', `/api/cycles/${cycleId}`)).body;
    const publish = await call('POST', `/api/cycles/${cycleId}/phases/currentState-1/done`, { version: cycle.version });
    expect(publish.status).toBe(200);
    await h.rt.whenIdle();
    const a = (await call('GET', `/api/actielijnen/${id}`)).body;
    expect(a.version).toBe(3);
    expect(a.stateHistory).toEqual([
      {
        at: report.facts.doneAt,
        text: result,
        by: `cycle:${cycleId}`,
        source: { cycleId, phase: 'progressUpdate-1', actionItemId: report.facts.flow.id },
      },
    ]);
    // Another day: recorded once.
    await h.advance('P1D');
    await h.rt.whenIdle();
    expect((await call('GET', `/api/actielijnen/${id}`)).body.version).toBe(3);

    const page = await h.open(`${h.rt.urls.app}/actielijnen`);
    expect(page.status).toBe(200);
    const text = page.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Coöperatieven');
    expect(text).toContain('Trekker: Stichting Nexum');
    expect(text).toContain('Minstens vier coöperatieven van werknemers of buurtbewoners.');
    // Dated when the trekker wrote it (the 9th), not when the cycle next looked.
    expect(text).toContain('Hoe staat het ervoor? (bijgewerkt op 9 december 2026)');
    expect(text).toContain('Twee coöperaties zijn gestart.');
    for (const s of ['Naima', 'Samira', 'samira.amrani', 'p-samira', 'Startgeld', 'AmsterDoen'])
      expect(page.html).not.toContain(s);
    // The cycles page names the actielijn with the cycle, and links to the actielijnen.
    const cycles = await h.open(`${h.rt.urls.app}/cycli`);
    expect(cycles.html).toContain('Voortgang van een actielijn – Coöperatieven');
    expect(cycles.html).toContain('href="/actielijnen"');
  });
});
