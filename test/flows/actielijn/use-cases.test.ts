/**
 * Actielijnen on in-memory stand-ins: created in the seeds' format (with a first current state),
 * refused trekkers and contact persons, changes on the version read (409 otherwise), the current
 * state's history, a monitoring cycle's update recorded once, and creates under an Idempotency-Key.
 */
import { describe, expect, it } from 'vitest';
import { cooperatieven, fakeActielijnDeps } from './fakes';
import {
  currentState,
  MAX_STATE_BYTES,
  MAX_STATE_UPDATES,
  withState,
} from '../../../functions/flows/actielijn/actielijn';
import { CreateActielijn, UpdateActielijn } from '../../../functions/flows/actielijn/schemas';
import {
  addState,
  createActielijn,
  readActielijn,
  recordProgress,
  updateActielijn,
} from '../../../functions/flows/actielijn/use-cases';
import { publicActielijn } from '../../../functions/flows/actielijn/views';
import { ConflictError, NotFoundError, ValidationError } from '../../../functions/platform/errors';

const create = (over: object = {}) => CreateActielijn.parse({ ...cooperatieven(), ...over });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('an actielijn', () => {
  it('is created active at version 1 with the fields of the format and a first current state', async () => {
    const { deps, actielijnen } = fakeActielijnDeps();
    const a = await createActielijn(deps, create({ currentState: 'We zoeken een pand.' }), 'office');
    expect(a).toMatchObject({ name: 'Coöperatieven', status: 'active', version: 1, trekkerOrganisationIds: ['nexum'] });
    expect(currentState(a)).toEqual({ at: '2026-11-02T09:00:00.000Z', text: 'We zoeken een pand.', by: 'office' });
    expect(await actielijnen.get(a.id)).toEqual(a);
    expect((await readActielijn(deps, a.id)).timeline.map((e) => e.key)).toEqual(['v000001:created']);
  });

  it('refuses an unknown or ended trekker and an unknown contact person, and stores nothing', async () => {
    const { deps, actielijnen } = fakeActielijnDeps();
    const err = await failure(
      createActielijn(
        deps,
        create({ trekkerOrganisationIds: ['nexum', 'weg', 'niemand'], contactPersonId: 'p-x' }),
        'o',
      ),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields).toEqual({
      trekkerOrganisationIds: 'unknown organisation weg, niemand',
      contactPersonId: 'unknown person p-x',
    });
    expect(actielijnen.docs.size).toBe(0);
  });

  it('changes only the fields sent, on the version read; another version is a 409 and changes nothing', async () => {
    const { deps, actielijnen, clock } = fakeActielijnDeps();
    const a = await createActielijn(deps, create(), 'office');
    clock.now = new Date('2026-11-03T10:00:00Z');
    const changed = await updateActielijn(
      deps,
      a.id,
      UpdateActielijn.parse({ version: 1, risks: 'Geld is rond.', trekkerOrganisationIds: ['nexum', 'woon'] }),
      'office',
    );
    expect(changed).toMatchObject({
      version: 2,
      risks: 'Geld is rond.',
      result: a.result,
      updatedAt: '2026-11-03T10:00:00.000Z',
    });
    expect(changed.trekkerOrganisationIds).toEqual(['nexum', 'woon']);
    const stale = await failure(updateActielijn(deps, a.id, UpdateActielijn.parse({ version: 1, name: 'Nieuw' }), 'o'));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toContain('now version 2');
    actielijnen.writerInBetween = true;
    expect(await failure(addState(deps, a.id, { version: 2, text: 'Tussendoor' }, 'o'))).toBeInstanceOf(ConflictError);
    expect((await actielijnen.get(a.id))!.stateHistory).toEqual([]);
    expect(await failure(updateActielijn(deps, 'al-none', UpdateActielijn.parse({ version: 1 }), 'o'))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps every current state in its history, newest last', async () => {
    const { deps, clock } = fakeActielijnDeps();
    const a = await createActielijn(deps, create({ currentState: 'Eerste stand' }), 'office');
    clock.now = new Date('2027-01-10T10:00:00Z');
    const b = await addState(deps, a.id, { version: 1, text: 'Tweede stand' }, 'p-samira');
    expect(b.stateHistory.map((u) => u.text)).toEqual(['Eerste stand', 'Tweede stand']);
    expect(currentState(b)).toMatchObject({ text: 'Tweede stand', at: '2027-01-10T10:00:00.000Z', by: 'p-samira' });
  });

  it("records a monitoring cycle's update once, on the latest version, keeping at most the limit", async () => {
    const { deps, actielijnen } = fakeActielijnDeps();
    const a = await createActielijn(deps, create(), 'office');
    const source = { cycleId: 'c-1', phase: 'progressUpdate-1', actionItemId: 'f-1' };
    const update = { at: '2027-01-14T08:00:00.000Z', text: 'Pand gevonden.', by: 'cycle:c-1', source };
    actielijnen.writerInBetween = true;
    expect(await recordProgress(deps, a.id, update)).toBe(true);
    expect(await recordProgress(deps, a.id, { ...update, text: 'Nog eens' })).toBe(false);
    const stored = (await actielijnen.get(a.id))!;
    expect(stored.stateHistory).toEqual([update]);
    expect(stored.version).toBe(3);
    for (let i = 0; i < MAX_STATE_UPDATES + 5; i++)
      await recordProgress(deps, a.id, { ...update, text: `Stand ${i}`, source: { ...source, phase: `p-${i}` } });
    const full = (await actielijnen.get(a.id))!;
    expect(full.stateHistory).toHaveLength(MAX_STATE_UPDATES);
    expect(currentState(full)?.text).toBe(`Stand ${MAX_STATE_UPDATES + 4}`);
    // The first report has left the history, but is not taken again when a later wake hands it over.
    expect(full.stateHistory.some((u) => u.source?.phase === 'progressUpdate-1')).toBe(false);
    expect(await recordProgress(deps, a.id, update)).toBe(false);
    expect(currentState((await actielijnen.get(a.id))!)?.text).toBe(`Stand ${MAX_STATE_UPDATES + 4}`);
  });

  it('keeps the history in date order: a report seen a day late does not cover a newer state', async () => {
    const { deps } = fakeActielijnDeps();
    let a = await createActielijn(deps, create(), 'office');
    a = withState(a, { at: '2027-01-15T09:00:00Z', text: 'Het programmabureau: nieuw pand', by: 'office' })!;
    const source = { cycleId: 'c-1', phase: 'progressUpdate-1', actionItemId: 'f-1' };
    a = withState(a, { at: '2027-01-14T20:00:00Z', text: 'De trekker: pand gezocht', by: 'cycle:c-1', source })!;
    expect(currentState(a)?.text).toBe('Het programmabureau: nieuw pand');
  });

  it('keeps the history within its bytes, dropping the oldest, so the item never outgrows DynamoDB', async () => {
    const { deps } = fakeActielijnDeps();
    let a = await createActielijn(deps, create(), 'office');
    // 4000 characters of three bytes each: 12 KB an update.
    const long = '€'.repeat(4000);
    for (let i = 0; i < 30; i++)
      a = withState(a, { at: new Date(Date.UTC(2027, 0, 10, i)).toISOString(), text: `${i}${long}`, by: 'o' })!;
    expect(new TextEncoder().encode(JSON.stringify(a.stateHistory)).length).toBeLessThanOrEqual(MAX_STATE_BYTES);
    expect(a.stateHistory.length).toBeLessThan(30);
    expect(currentState(a)?.text.startsWith('29')).toBe(true);
  });

  it('is created once under an Idempotency-Key; another request under that key is a 409', async () => {
    const { deps, actielijnen } = fakeActielijnDeps();
    const first = await createActielijn(deps, create(), 'office', { idempotencyKey: 'k1' });
    expect(await createActielijn(deps, create(), 'office', { idempotencyKey: 'k1' })).toEqual(first);
    expect(
      await failure(createActielijn(deps, create({ name: 'Anders' }), 'office', { idempotencyKey: 'k1' })),
    ).toBeInstanceOf(ConflictError);
    expect(actielijnen.docs.size).toBe(1);
  });

  it('shows the public its name, result, trekkers by organisation and current state, no person', async () => {
    const { deps } = fakeActielijnDeps();
    const a = await createActielijn(deps, create({ currentState: 'We zoeken een pand.' }), 'p-samira');
    const orgs = await deps.directory.listOrganisations();
    const view = publicActielijn(a, orgs);
    expect(view).toEqual({
      id: a.id,
      name: 'Coöperatieven',
      opgave: 'Community wealth building',
      result: a.result,
      trekkers: ['Nexum'],
      currentState: { text: 'We zoeken een pand.', at: '2026-11-02T09:00:00.000Z' },
      status: 'active',
    });
    expect(JSON.stringify(view)).not.toContain('samira');
  });
});
