/**
 * Stopping an action item (cancelFollowUp), on an in-memory store: it ends with who stopped it and
 * why, its workflow is woken to end, nothing is scheduled for it any more, and a closed item stays.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryFlow } from '../memory-docs';
import { type ActionItem, followUpSchedule, toldOfStop } from '../../../functions/flows/follow-up/follow-up';
import type { FollowUpDeps } from '../../../functions/flows/follow-up/items';
import { cancelFollowUp, steerFollowUp } from '../../../functions/flows/follow-up/office';
import { ConflictError } from '../../../functions/platform/errors';

let m: ReturnType<typeof memoryFlow<ActionItem>>;
let deps: FollowUpDeps;
const item: ActionItem = {
  id: 'f1',
  what: 'Voortgang van de actielijn',
  origin: { kind: 'office', ref: 'cycle:c1/progressUpdate-1' },
  owner: { personId: 'p1' },
  due: '2027-04-15T15:00:00.000Z',
  bodyId: 'kerngroep',
  status: 'open',
  createdAt: '2027-03-01T08:00:00.000Z',
  dueHistory: [],
  actionsDone: [],
  createdBy: 'cycle:c1',
  version: 2,
};

beforeEach(() => {
  m = memoryFlow<ActionItem>('2027-03-10T09:00:00Z');
  deps = { items: m.store, workflow: m.workflow, now: m.now } as unknown as FollowUpDeps;
  m.store.docs.set('f1', structuredClone(item));
  m.store.tokens.set('f1', 'token-1');
});

describe('stopping an action item', () => {
  it('cancels it on record, wakes its workflow, and leaves nothing to remind or escalate', async () => {
    expect(followUpSchedule(item).length).toBeGreaterThan(0);
    const stopped = await cancelFollowUp(deps, 'f1', 'De cyclus is gestopt', 'cycle:c1');
    expect(stopped).toMatchObject({
      status: 'cancelled',
      cancelled: { by: 'cycle:c1', at: '2027-03-10T09:00:00.000Z', reason: 'De cyclus is gestopt' },
      version: 3,
    });
    expect(m.resumed).toEqual(['token-1']);
    expect(m.store.audits).toMatchObject([{ key: 'v000003:office', kind: 'cancelled' }]);
    expect(followUpSchedule(stopped)).toEqual([]);
  });

  it('a stopped item takes no more changes, and a done one cannot be stopped', async () => {
    await cancelFollowUp(deps, 'f1', 'De cyclus is gestopt', 'cycle:c1');
    await expect(steerFollowUp(deps, 'f1', { action: 'done', result: 'Klaar' }, 'office')).rejects.toThrow(
      ConflictError,
    );
    m.store.docs.set('f1', { ...item, status: 'done', result: 'Klaar' });
    await expect(cancelFollowUp(deps, 'f1', 'Te laat', 'cycle:c1')).rejects.toThrow(ConflictError);
  });

  it('tells of the stop only those who heard of the item: the owner once asked, and each step escalated to', async () => {
    const stopped = await cancelFollowUp(deps, 'f1', 'De cyclus is gestopt', 'cycle:c1');
    expect(toldOfStop(stopped)).toEqual([]);
    const due = '@2027-04-15T15:00:00.000Z';
    expect(toldOfStop({ ...stopped, actionsDone: [`remind:0${due}`] })).toEqual(['owner']);
    const escalated = [
      `remind:0${due}`,
      `ask${due}`,
      `escalate:project-leader${due}`,
      `escalate:core-group-agenda${due}`,
    ];
    expect(toldOfStop({ ...stopped, actionsDone: escalated })).toEqual([
      'owner',
      'project-leader',
      'core-group-agenda',
    ]);
    // Only a stopped item: one that was done tells nobody it lapsed.
    expect(toldOfStop({ ...stopped, status: 'done', actionsDone: escalated })).toEqual([]);
  });
});
