/**
 * Cycles over HTTP on the local runtime: the office starts the SPUK application for the board
 * meeting of 24 September 2027, reads it back with dated phases, moves one, skips one, adds a
 * reporting obligation, and cancels it; a refused change, an unknown cycle, a stale version and a
 * retried create each answer as every route does (400 with field messages, 404, 409, one cycle).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

/** A request with headers the Harness's `api` does not send (Idempotency-Key, Accept-Language). */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.rt.urls.app}${path}`, {
    method,
    headers: { authorization: `Bearer ${h.rt.officeToken}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as any };
}

const SPUK = {
  templateId: 'spuk-application',
  anchors: { boardMeeting: '2027-09-24T16:00:00+02:00', ministryDeadline: '2027-10-15T17:00:00+02:00' },
  assignments: {
    programmeTeam: { personIds: ['p-samira-amrani', 'p-pieter-van-leeuwen'] },
    partners: { organisationIds: ['woon', 'eigenwijks', 'gemeente'] },
    residents: { personIds: ['p-ria-jansen', 'p-hamid-ouali', 'p-kees-brouwer'] },
    kerngroep: { personIds: ['p-samira-amrani', 'p-kees-brouwer'] },
    board: { personIds: ['p-anouk-de-vries', 'p-ria-jansen', 'p-hamid-ouali'] },
    submitter: { personIds: ['p-pieter-van-leeuwen'] },
  },
};
const phase = (cycle: any, key: string) => cycle.phases.find((p: any) => p.key === key);

describe('the SPUK cycle through the office API', () => {
  let id = '';

  it('lists the shipped templates with their phases, anchors and names in Dutch and English', async () => {
    const res = await call('GET', '/api/cycle-templates');
    expect(res.status).toBe(200);
    const spuk = res.body.templates.find((t: any) => t.id === 'spuk-application');
    expect(spuk.name).toEqual({ nl: 'Aanvraag SPUK Kansrijke Wijk', en: 'SPUK Kansrijke Wijk application' });
    expect(spuk.anchors.map((a: any) => a.key)).toEqual(['boardMeeting', 'ministryDeadline']);
    expect(spuk.roles).toContain('submitter');
    expect(res.body.templates).toHaveLength(4);
  });

  it('starts the cycle once under an Idempotency-Key, and reads it back with dated phases', async () => {
    const key = { 'idempotency-key': 'spuk-kw-26-28' };
    const first = await call('POST', '/api/cycles', SPUK, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'planned', version: 1 });
    id = first.body.id;
    const again = await call('POST', '/api/cycles', SPUK, key);
    expect(again).toEqual(first);
    expect((await call('POST', '/api/cycles', { ...SPUK, changes: [] }, key)).body.id).toBe(id);
    const other = await call('POST', '/api/cycles', { ...SPUK, horizon: '2029-01-01T00:00:00+01:00' }, key);
    expect(other.status).toBe(409);
    expect((await call('GET', '/api/cycles?status=planned')).body.cycles.map((c: any) => c.id)).toEqual([id]);

    const read = await call('GET', `/api/cycles/${id}`);
    expect(read.etag).toBe('"1"');
    // Twelve weeks before the meeting the programme team starts; the board's round opens a week before it.
    expect(phase(read.body, 'kickOff')).toMatchObject({ status: 'toCome', start: { at: '2027-07-02T07:00:00.000Z' } });
    expect(phase(read.body, 'draft').due).toBe('2027-08-27T15:00:00.000Z');
    expect(phase(read.body, 'boardApproval').start.at).toBe('2027-09-17T07:00:00.000Z');
    expect(phase(read.body, 'boardAgenda').due).toBe('2027-09-24T14:00:00.000Z');
    expect(read.body.timeline.map((e: any) => e.label)).toEqual(['Cyclus gestart']);
  });

  it('moves a phase, skips one and adds a reporting obligation, each on the version read', async () => {
    const moved = await h.api('POST', `/api/cycles/${id}/phases/draft`, {
      action: 'move',
      due: '2027-09-03T17:00:00+02:00',
      reason: 'De zomervakantie loopt langer door',
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect(phase(moved.body, 'draft').due).toBe('2027-09-03T15:00:00.000Z');
    const skipped = await h.api('POST', `/api/cycles/${id}/phases/residentInput`, {
      action: 'skip',
      reason: 'Bewoners gaven hun criteria al schriftelijk',
      instead: ['partnerContributions'],
      version: 2,
    });
    expect(phase(skipped.body, 'residentInput').status).toBe('skipped');
    const added = await h.api('POST', `/api/cycles/${id}/phases`, {
      key: 'firstReport',
      kind: 'report',
      role: 'programmeTeam',
      title: { nl: 'Eerste verantwoording aan het ministerie', en: 'First report to the ministry' },
      start: { after: ['submission'] },
      due: { on: '2028-03-31T17:00:00+02:00' },
      reason: 'Verplichting uit de beschikking',
      version: 3,
    });
    expect(added.status).toBe(201);
    expect(phase(added.body, 'firstReport')).toMatchObject({ kind: 'report', status: 'toCome', origin: 'office' });
    const read = (await h.api('GET', `/api/cycles/${id}`)).body;
    expect(read.version).toBe(4);
    expect(read.timeline.map((e: any) => e.label)).toEqual([
      'Cyclus gestart',
      'Fase verzet',
      'Fase overgeslagen',
      'Fase toegevoegd',
    ]);
  });

  it('refuses an impossible change with a Dutch field message first, and changes nothing', async () => {
    const past = { action: 'move', start: '2026-10-01T09:00:00+02:00', reason: 'Eerder beginnen', version: 4 };
    const nl = await h.api('POST', `/api/cycles/${id}/phases/kickOff`, past);
    expect(nl.status).toBe(400);
    expect(nl.body.fields).toEqual({ start: 'Deze datum is al voorbij. Kies een datum in de toekomst.' });
    const en = await call('POST', `/api/cycles/${id}/phases/kickOff`, past, { 'accept-language': 'en' });
    expect(en.body.fields).toEqual({ start: 'This date has passed. Choose a date in the future.' });
    // The shape is checked first, with the messages every route gives.
    const shape = await h.api('POST', `/api/cycles/${id}/phases/kickOff`, { action: 'move', version: 'vier' });
    expect(shape.status).toBe(400);
    expect(shape.body.fields).toMatchObject({ reason: 'is required', version: 'must be a number' });
    expect((await h.api('GET', `/api/cycles/${id}`)).body.version).toBe(4);
  });

  it('answers 400, never 500, for bodies that are not a cycle', async () => {
    const bodies = [
      'geen json',
      [],
      null,
      { ...SPUK, templateId: 7 },
      { ...SPUK, anchors: { boardMeeting: 24 } },
      { ...SPUK, assignments: { board: 'p-ria-jansen' } },
      { ...SPUK, assignments: { board: { personIds: [''] } } },
      { ...SPUK, changes: [{ action: 'verplaats', key: 'draft' }] },
      { ...SPUK, changes: [{ action: 'add', key: 'x y' }] },
      { ...SPUK, horizon: 'volgend jaar' },
      { ...SPUK, extra: true },
    ];
    for (const body of bodies) {
      const res = await h.api('POST', '/api/cycles', typeof body === 'string' ? body : JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.fields ?? {}).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect((await h.api('GET', '/api/cycles')).body.cycles).toHaveLength(1);
  });

  it('answers 404 for an unknown cycle and 409 for a stale version', async () => {
    expect((await h.api('GET', '/api/cycles/c-onbekend')).status).toBe(404);
    const cancel = await h.api('POST', '/api/cycles/c-onbekend/cancel', { reason: 'Bestaat niet', version: 1 });
    expect(cancel.status).toBe(404);
    const stale = await h.api('POST', `/api/cycles/${id}/phases/review`, {
      action: 'skip',
      reason: 'Geen tijd',
      version: 2,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/^Iemand anders heeft deze cyclus intussen veranderd \(nu versie 4\)/);
    expect((await h.api('GET', `/api/cycles/${id}`)).body.version).toBe(4);
  });

  it('cancels the cycle, which then changes no more', async () => {
    const res = await h.api('POST', `/api/cycles/${id}/cancel`, { reason: 'Geen SPUK-ronde in 2027', version: 4 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      version: 5,
      cancelled: { reason: 'Geen SPUK-ronde in 2027' },
    });
    const after = await h.api('POST', `/api/cycles/${id}/cancel`, { reason: 'Nog een keer', version: 5 });
    expect(after.status).toBe(409);
    expect((await h.api('GET', '/api/cycles?status=cancelled')).body.cycles.map((c: any) => c.id)).toEqual([id]);
    expect((await h.api('GET', '/api/cycles?status=gestopt')).status).toBe(400);
  });
});
