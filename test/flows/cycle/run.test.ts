/**
 * The cycle's workflow step (run.ts) on in-memory fakes: which phase starts when, through which
 * flow, under which key; phases done when their flow is; the office's marks; the cycle done.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeFlows } from './fake-flows';
import { fakeDeps, spukRequest } from './fakes';
import { createCycle } from '../../../functions/flows/cycle/office';
import { markPhaseDone } from '../../../functions/flows/cycle/office-changes';
import { CycleConflict, CycleRefused } from '../../../functions/flows/cycle/refused';
import { advanceCycle, type CycleRunDeps } from '../../../functions/flows/cycle/run';

let f: ReturnType<typeof fakeDeps>;
let flows: FakeFlows;
let deps: CycleRunDeps;
let id: string;
const at = (iso: string) => {
  f.clock.now = new Date(iso);
};
const cycle = async () => (await f.cycles.get(id))!;
const started = () => [...flows.made.values()].map((m) => m.req.ref.split('/')[1]);

beforeEach(async () => {
  f = fakeDeps('2027-06-01T09:00:00Z');
  flows = new FakeFlows();
  deps = { ...f.deps, flows };
  id = (await createCycle(f.deps, spukRequest(), 'office')).id;
});

describe('the cycle runs itself', () => {
  it('starts its workflow when the office starts it, named by the cycle', () => {
    expect(f.workflow.started).toEqual([id]);
  });

  it('waits for the first date, then starts the kick-off as an action item for the programme team', async () => {
    const first = await advanceCycle(deps, id);
    // Nothing started, nothing written: the office's version 1 stays good.
    expect(await cycle()).toMatchObject({ status: 'planned', version: 1 });
    expect(started()).toEqual([]);
    // Nothing runs yet: it sleeps until the kick-off's date (2 July 2027, 9:00 in Amsterdam).
    expect(first).toMatchObject({ closed: false, wakeAt: '2027-07-02T07:00:00.000Z' });
    at('2027-07-02T07:00:00Z');
    const plan = await advanceCycle(deps, id);
    const [made] = [...flows.made.values()];
    expect(made).toMatchObject({
      kind: 'followUp',
      req: { phaseKind: 'task', personIds: ['p-samira', 'p-pieter'], due: '2027-07-09T15:00:00.000Z' },
    });
    const c = await cycle();
    expect(c.status).toBe('running');
    expect(c.facts.kickOff).toMatchObject({ startedAt: '2027-07-02T07:00:00.000Z', flow: { kind: 'followUp' } });
    // While it runs the cycle looks once a day.
    expect(plan.wakeAt).toBe('2027-07-03T07:00:00.000Z');
    expect(plan.version).toBe(c.version);
  });

  it('a retried step creates nothing twice: the same actor and key find the same flow', async () => {
    at('2027-07-02T07:00:00Z');
    await advanceCycle(deps, id);
    await advanceCycle(deps, id);
    // A crash after the flow was made and before the cycle recorded it: the next step starts it again under its key.
    const c = await cycle();
    await f.cycles.save({ ...c, facts: {}, version: c.version + 1 }, c.version);
    await advanceCycle(deps, id);
    expect(flows.made.size).toBe(1);
    expect((await cycle()).facts.kickOff.flow?.id).toBe(`followUp:cycle:${id}:kickOff`);
  });

  it('marks a phase done when its flow is, and starts what waits for it in the same wake', async () => {
    at('2027-07-02T07:00:00Z');
    await advanceCycle(deps, id);
    flows.end('kickOff', { ended: 'done', at: '2027-07-05T10:00:00.000Z' });
    at('2027-07-06T07:00:00Z');
    await advanceCycle(deps, id);
    const c = await cycle();
    expect(c.facts.kickOff.doneAt).toBe('2027-07-05T10:00:00.000Z');
    expect(flows.made.get(`inputRound:cycle:${id}:partnerContributions`)?.req.organisationIds).toEqual([
      'woon',
      'eigenwijks',
    ]);
    // Resident input is an input round too, to the residents' people, each answering for themselves.
    expect(c.facts.residentInput).toMatchObject({
      startedAt: '2027-07-06T07:00:00.000Z',
      flow: { kind: 'inputRound', id: `inputRound:cycle:${id}:residentInput` },
    });
    expect(flows.made.get(`inputRound:cycle:${id}:residentInput`)?.req).toMatchObject({
      phaseKind: 'residentInput',
      personIds: ['p-ria', 'p-hamid'],
    });
    expect(c.facts.draft).toBeUndefined();
  });

  it('an action item handed back holds what waits for it until the office marks the phase done', async () => {
    at('2027-07-02T07:00:00Z');
    await advanceCycle(deps, id);
    flows.end('kickOff', { ended: 'returned' });
    await advanceCycle(deps, id);
    let c = await cycle();
    expect(c.facts.kickOff.returnedAt).toBeDefined();
    expect(started()).toEqual(['kickOff']);
    // The workflow parks; the office's mark takes its token and wakes it.
    await f.cycles.park(id, 'token-1', c.version, '2027-07-03T07:00:00.000Z');
    c = await markPhaseDone(f.deps, id, 'kickOff', { version: c.version, note: 'Zelf besproken' }, 'office');
    expect(c.facts.kickOff).toMatchObject({ doneBy: 'office', note: 'Zelf besproken' });
    expect(f.workflow.resumed).toEqual(['token-1']);
    await advanceCycle(deps, id);
    expect(started()).toEqual(['kickOff', 'partnerContributions', 'residentInput']);
  });

  it('refuses to mark a phase done on a stale version, or one that has not started', async () => {
    await advanceCycle(deps, id);
    const c = await cycle();
    await expect(markPhaseDone(f.deps, id, 'kickOff', { version: c.version }, 'office')).rejects.toThrow(CycleRefused);
    await expect(markPhaseDone(f.deps, id, 'kickOff', { version: 7 }, 'office')).rejects.toThrow(CycleConflict);
  });

  it('leaves a phase whose flow refuses to start to the office, with the reasons', async () => {
    flows.refuse = true;
    at('2027-07-02T07:00:00Z');
    await advanceCycle(deps, id);
    expect((await cycle()).facts.kickOff).toMatchObject({ office: true, refused: { due: expect.any(String) } });
  });

  it("records an approval round's outcome, starts consent rounds as such, and ends the cycle when every phase has", async () => {
    const skip = (key: string, instead?: string[]) => ({
      action: 'skip' as const,
      key,
      reason: 'Niet in deze test',
      instead,
    });
    const phases = (await cycle()).plan.phases.map((p) => p.key);
    const later = phases.filter((k) => k.startsWith('publicUpdate')).reverse();
    const req = { ...spukRequest(), changes: [...later, 'award', 'submission'].map((k) => skip(k)) as never[] };
    id = (await createCycle(f.deps, req, 'office', { idempotencyKey: 'short' })).id;
    const endAll = async (when: string) => {
      at(when);
      await advanceCycle(deps, id);
      for (const [flowId, m] of flows.made)
        if (flowId.includes(id))
          m.state = { ended: 'done', at: when, ...(m.kind === 'approvalRound' ? { outcome: 'approved' } : {}) };
      const c = await cycle();
      for (const [key, facts] of Object.entries(c.facts))
        if (facts.office && !facts.doneAt)
          await markPhaseDone(f.deps, id, key, { version: (await cycle()).version }, 'office');
    };
    for (const day of ['2027-07-02', '2027-07-10', '2027-08-10', '2027-08-28', '2027-09-17', '2027-09-18'])
      await endAll(`${day}T09:00:00Z`);
    const plan = await advanceCycle(deps, id);
    const c = await cycle();
    expect(flows.made.get(`approvalRound:cycle:${id}:review`)?.req.phaseKind).toBe('consentRound');
    expect(c.facts.boardApproval).toMatchObject({ outcome: 'approved' });
    expect(c.status).toBe('done');
    expect(plan.closed).toBe(true);
    const kinds = (await f.cycles.listAudit(id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'phase-started')).toHaveLength(7);
    expect(kinds.at(-1)).toBe('done');
  });
});
