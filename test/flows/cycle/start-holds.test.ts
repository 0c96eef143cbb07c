/** When a phase's start holds (status.ts `startHolds`), and the cycle's watchdog carrying a stopped cycle on. */
import { describe, expect, it } from 'vitest';
import { fakeDeps, spukRequest } from './fakes';
import { phase, spukPlan } from './fixtures';
import { createCycle } from '../../../functions/flows/cycle/office';
import { cancelCycle } from '../../../functions/flows/cycle/office-changes';
import { type PhaseFacts, startHolds } from '../../../functions/flows/cycle/status';
import { watchedCycles } from '../../../functions/flows/cycle/watchdog';
import { watchFlow } from '../../../functions/engine/watchdog';

const plan = spukPlan();
const holds = (key: string, facts: Record<string, PhaseFacts>, at: string) =>
  startHolds(phase(plan, key), plan.phases, facts, new Date(at));
const done = { doneAt: '2026-08-01T10:00:00.000Z' };

describe('a phase may start', () => {
  it('on its date', () => {
    expect(holds('kickOff', {}, '2026-07-02T06:59:00Z')).toBe(false);
    expect(holds('kickOff', {}, '2026-07-02T07:00:00Z')).toBe(true);
  });

  it('when every phase it waits for is done, whatever the date; handed back is not done', () => {
    expect(holds('draft', { partnerContributions: done }, '2026-09-01T07:00:00Z')).toBe(false);
    expect(holds('draft', { partnerContributions: done, residentInput: done }, '2026-08-01T07:00:00Z')).toBe(true);
    const back = { partnerContributions: { returnedAt: '2026-08-01T10:00:00.000Z' }, residentInput: done };
    expect(holds('draft', back, '2026-09-01T07:00:00Z')).toBe(false);
  });

  it('with "whichever comes last": the review done and the date come', () => {
    expect(holds('boardApproval', { review: done }, '2026-09-16T07:00:00Z')).toBe(false);
    expect(holds('boardApproval', {}, '2026-09-18T07:00:00Z')).toBe(false);
    expect(holds('boardApproval', { review: done }, '2026-09-17T07:00:00Z')).toBe(true);
  });

  it('when what it waits for was skipped', () => {
    const skipped = plan.phases.map((p) =>
      p.key === 'residentInput' ? { ...p, skipped: { reason: 'x', by: 'o', at: '' } } : p,
    );
    const draft = skipped.find((p) => p.key === 'draft')!;
    expect(startHolds(draft, skipped, { partnerContributions: done }, new Date('2026-08-02T07:00:00Z'))).toBe(true);
  });
});

describe('the office and the watchdog wake or carry on the workflow', () => {
  it('a cancel takes the parked token and wakes the workflow, which then ends', async () => {
    const { deps, cycles, workflow } = fakeDeps('2027-06-01T09:00:00Z');
    const c = await createCycle(deps, spukRequest(), 'office');
    await cycles.park(c.id, 'token-7', 1, '2027-07-02T07:00:00.000Z');
    await cancelCycle(deps, c.id, { reason: 'Geen aanvraag dit jaar', version: 1 }, 'office');
    expect(workflow.resumed).toEqual(['token-7']);
  });

  it("a cycle whose workflow stopped is started again under the day's restart name", async () => {
    const { deps, cycles, workflow, clock } = fakeDeps('2027-06-01T09:00:00Z');
    const c = await createCycle(deps, spukRequest(), 'office');
    clock.now = new Date('2027-06-02T00:00:00Z');
    const mailDeps = {} as Parameters<typeof watchedCycles>[0];
    const flow = watchedCycles({ ...mailDeps, workflow }, cycles as never, async () => []);
    const report = await watchFlow(flow, clock.now);
    expect(report.restarted).toEqual([c.id]);
    expect(workflow.started).toEqual([c.id, `${c.id}--r20270602`]);
  });
});
