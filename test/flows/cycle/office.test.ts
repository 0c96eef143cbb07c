/**
 * Starting a cycle from a template, on in-memory stand-ins of the store and the directory: the dated
 * plan kept with the roles, the audit record, every refusal at once (and nothing stored), changes
 * before the start, and creates under an Idempotency-Key that make nothing twice.
 */
import { describe, expect, it } from 'vitest';
import { fakeDeps, spukRequest } from './fakes';
import { createCycle } from '../../../functions/flows/cycle/office';
import { CycleRefused } from '../../../functions/flows/cycle/refused';
import { ConflictError } from '../../../functions/platform/errors';

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof CycleRefused)) throw new Error(`expected a refusal, got ${String(err)}`);
  return { nl: err.fields, en: err.en };
}

/** Roles the directory or the template refuses, and one left empty. */
const bad = {
  partners: { organisationIds: ['woon', 'onbekend'] },
  residents: { personIds: ['p-gone'] },
  trekker: { personIds: ['p-ria'] },
  submitter: {},
};

describe('starting a cycle', () => {
  it('keeps the dated plan, the roles and the anchors, planned at version 1, and records its start once', async () => {
    const { deps, cycles } = fakeDeps();
    const cycle = await createCycle(deps, spukRequest(), 'office');
    expect(cycle).toMatchObject({ templateId: 'spuk-application', status: 'planned', version: 1, createdBy: 'office' });
    expect(cycle.name.nl).toBe('Aanvraag SPUK Kansrijke Wijk');
    expect(cycle.plan.anchors).toEqual({
      boardMeeting: '2027-09-24T14:00:00.000Z',
      ministryDeadline: '2027-10-15T15:00:00.000Z',
    });
    const at = (key: string) => cycle.plan.phases.find((p) => p.key === key)!;
    // Twelve weeks before the meeting at 09:00 (summer time), a week to do it.
    expect([at('kickOff').start.at, at('kickOff').due]).toEqual([
      '2027-07-02T07:00:00.000Z',
      '2027-07-09T15:00:00.000Z',
    ]);
    expect(at('draft').due).toBe('2027-08-27T15:00:00.000Z');
    expect(at('boardApproval').start).toMatchObject({ rule: 'last', at: '2027-09-17T07:00:00.000Z' });
    expect(at('submission').due).toBe('2027-10-13T15:00:00.000Z');
    expect(cycle.assignments.partners).toEqual({ personIds: [], organisationIds: ['woon', 'eigenwijks'] });
    expect(await cycles.get(cycle.id)).toEqual(cycle);
    expect((await cycles.listAudit(cycle.id)).map((e) => [e.key, e.kind])).toEqual([['v000001:created', 'created']]);
  });

  it('refuses every problem at once, Dutch first, and stores nothing', async () => {
    const { deps, cycles } = fakeDeps();
    const req = spukRequest();
    const anchors = { boardMeeting: '24 september' };
    const r = await refusal(
      createCycle(deps, { ...req, anchors, assignments: { ...req.assignments, ...bad } }, 'office'),
    );
    // The anchors come first: without a plan there is nothing to check the roles against.
    expect(r.nl).toEqual({
      'anchors.boardMeeting': 'Gebruik een datum en tijd met tijdzone, zoals 2026-09-24T16:00:00+02:00.',
      'anchors.ministryDeadline': 'Vul deze datum in: Uiterste datum ministerie.',
    });
    const roles = await refusal(createCycle(deps, { ...req, assignments: { ...req.assignments, ...bad } }, 'office'));
    expect(roles.nl).toEqual({
      'assignments.partners.organisationIds': 'Er is geen organisatie "onbekend" met een contactpersoon.',
      'assignments.residents.personIds': 'Er is geen actieve persoon "p-gone".',
      'assignments.trekker': 'Deze rol komt niet voor in dit sjabloon.',
      'assignments.submitter': 'Kies wie dit doet: een of meer personen of organisaties.',
    });
    expect(roles.en['assignments.trekker']).toBe('This role is not one of this template.');
    const far = { boardMeeting: '2029-09-24T16:00:00+02:00', ministryDeadline: '2029-10-15T17:00:00+02:00' };
    const tooFar = await refusal(
      createCycle(deps, { ...req, anchors: far, horizon: '2040-01-01T00:00:00+01:00' }, 'o'),
    );
    expect(tooFar.nl).toEqual({
      'anchors.boardMeeting': 'Deze datum ligt te ver weg. Kies een datum binnen 730 dagen.',
      'anchors.ministryDeadline': 'Deze datum ligt te ver weg. Kies een datum binnen 730 dagen.',
      horizon: 'De planning mag tot 1100 dagen na de laatste datum lopen, niet verder.',
    });
    // A cycle whose every phase is due already has nothing left to run: each would only be late.
    // (The half-yearly public updates run a year past the last date: these lie further back.)
    const past = { boardMeeting: '2024-09-26T16:00:00+02:00', ministryDeadline: '2024-10-17T17:00:00+02:00' };
    const over = await refusal(createCycle(deps, { ...req, anchors: past }, 'o'));
    expect(over.nl).toEqual({
      'anchors.ministryDeadline': 'Met deze datum is elke fase al voorbij. Kies de datums van een cyclus die nog komt.',
    });
    expect(over.en['anchors.ministryDeadline']).toMatch(/^With this date every phase has passed/);
    const unknown = await refusal(createCycle(deps, { ...req, templateId: 'begroting' }, 'office'));
    expect(unknown.nl.templateId).toMatch(/^Er is geen sjabloon "begroting"/);
    expect(cycles.docs.size).toBe(0);
  });

  it('takes changes before the start: a skipped phase needs no one, a refused change is named in the request', async () => {
    const { deps } = fakeDeps();
    const { residents: _, ...assignments } = spukRequest().assignments;
    const skip = {
      action: 'skip' as const,
      key: 'residentInput',
      reason: 'Bewoners gaven hun input al op de themavond',
      instead: ['partnerContributions'],
    };
    const move = { action: 'move' as const, key: 'draft', due: '2027-08-20T17:00:00+02:00', reason: 'Eerder klaar' };
    const cycle = await createCycle(deps, { ...spukRequest(), assignments, changes: [skip, move] }, 'office');
    expect(cycle.plan.phases.find((p) => p.key === 'residentInput')!.skipped).toMatchObject({ by: 'office' });
    expect(cycle.plan.changes.map((c) => `${c.kind}:${c.phase}`)).toEqual(['skip:residentInput', 'move:draft']);
    expect((await deps.cycles.listAudit(cycle.id)).map((e) => e.key)).toEqual([
      'v000001:created',
      'v000001:1:skip:residentInput',
      'v000001:2:move:draft',
    ]);
    const past = { ...move, due: '2026-10-01T17:00:00+02:00' };
    const r = await refusal(createCycle(deps, { ...spukRequest(), changes: [past] }, 'office'));
    expect(r.nl).toEqual({ 'changes.0.due': 'Deze datum is al voorbij. Kies een datum in de toekomst.' });
  });
});

describe('starting a cycle under an Idempotency-Key', () => {
  it('makes one cycle for the request sent again, and refuses another request under the key', async () => {
    const { deps, cycles } = fakeDeps();
    const first = await createCycle(deps, spukRequest(), 'office', { idempotencyKey: 'spuk-2027' });
    const again = await createCycle(deps, spukRequest(), 'office', { idempotencyKey: 'spuk-2027' });
    expect(again).toEqual(first);
    expect(cycles.docs.size).toBe(1);
    expect(await cycles.listAudit(first.id)).toHaveLength(1);
    const other = { ...spukRequest(), horizon: '2029-01-01T00:00:00+01:00' };
    await expect(createCycle(deps, other, 'office', { idempotencyKey: 'spuk-2027' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    // Another caller's key is its own.
    await createCycle(deps, spukRequest(), 'someone-else', { idempotencyKey: 'spuk-2027' });
    expect(cycles.docs.size).toBe(2);
  });

  it('finishes a cycle an attempt stored before it failed: its record written, no second cycle', async () => {
    const { deps, cycles } = fakeDeps();
    const first = await createCycle(deps, spukRequest(), 'office', { idempotencyKey: 'k1' });
    cycles.audits.clear(); // the attempt stopped after storing the cycle
    await createCycle(deps, spukRequest(), 'office', { idempotencyKey: 'k1' });
    expect(cycles.docs.size).toBe(1);
    expect((await cycles.listAudit(first.id)).map((e) => e.key)).toEqual(['v000001:created']);
  });
});
