/**
 * What whoever started an input round does with it (input-round/office-actions.ts), on an in-memory
 * store: a moved deadline (earlier or later, still to come, within the horizon) wakes the workflow
 * and is on record; a stopped round closes without a summary; a closed round changes no more (409).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryFlow } from '../memory-docs';
import type { InputRound } from '../../../functions/flows/input-round/input-round';
import { cancelInputRound, moveInputDeadline } from '../../../functions/flows/input-round/office-actions';
import type { InputRoundDeps } from '../../../functions/flows/input-round/ports';
import { ConflictError, ValidationError } from '../../../functions/platform/errors';

let m: ReturnType<typeof memoryFlow<InputRound>>;
let deps: InputRoundDeps;
const round: InputRound = {
  id: 'u1',
  title: 'Voorstellen',
  request: 'Graag uw voorstellen',
  organisationIds: ['woon'],
  deadline: '2027-03-01T16:00:00.000Z',
  reminders: ['P3D'],
  escalate: true,
  bodyId: 'kerngroep',
  status: 'open',
  answers: {},
  remindersSent: [],
  createdAt: '2027-02-01T09:00:00.000Z',
  createdBy: 'cycle:c1',
  version: 3,
};

beforeEach(async () => {
  m = memoryFlow<InputRound>('2027-02-10T09:00:00Z');
  deps = { inputs: m.store, workflow: m.workflow, now: m.now } as unknown as InputRoundDeps;
  m.store.docs.set('u1', structuredClone(round));
  m.store.tokens.set('u1', 'token-1');
});

describe('moving an input round', () => {
  it('moves the deadline, wakes the workflow and puts it on record once', async () => {
    const moved = await moveInputDeadline(deps, 'u1', '2027-03-15T17:00:00+01:00', 'cycle:c1');
    expect(moved).toMatchObject({ deadline: '2027-03-15T16:00:00.000Z', version: 4 });
    expect(m.resumed).toEqual(['token-1']);
    expect(m.store.audits).toMatchObject([
      { key: 'v000004:moved', kind: 'moved', details: { from: round.deadline, to: '2027-03-15T16:00:00.000Z' } },
    ]);
    // The same date again writes nothing.
    await moveInputDeadline(deps, 'u1', '2027-03-15T17:00:00+01:00', 'cycle:c1');
    expect((await m.store.get('u1'))!.version).toBe(4);
  });

  it('refuses a date passed, one beyond the horizon, and a closed round, changing nothing', async () => {
    await expect(moveInputDeadline(deps, 'u1', '2027-02-09T17:00:00+01:00', 'x')).rejects.toThrow(ValidationError);
    await expect(moveInputDeadline(deps, 'u1', '2028-02-01T17:00:00+01:00', 'x')).rejects.toThrow(ValidationError);
    m.store.docs.set('u1', { ...round, status: 'closed' });
    await expect(moveInputDeadline(deps, 'u1', '2027-03-15T17:00:00+01:00', 'x')).rejects.toThrow(ConflictError);
    expect(m.store.audits).toEqual([]);
  });
});

describe('stopping an input round', () => {
  it('closes it with who stopped it and why, wakes the workflow, and a second stop is a 409', async () => {
    const stopped = await cancelInputRound(deps, 'u1', 'De cyclus is gestopt', 'cycle:c1');
    expect(stopped).toMatchObject({
      status: 'closed',
      closedAt: '2027-02-10T09:00:00.000Z',
      cancelled: { by: 'cycle:c1', reason: 'De cyclus is gestopt' },
    });
    expect(m.resumed).toEqual(['token-1']);
    expect(m.store.audits.map((a) => a.kind)).toEqual(['cancelled']);
    await expect(cancelInputRound(deps, 'u1', 'Nog eens', 'cycle:c1')).rejects.toThrow(ConflictError);
  });
});
