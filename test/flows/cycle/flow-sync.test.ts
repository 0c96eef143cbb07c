/**
 * The cycle keeps the flows its phases started in step (flow-sync.ts), on in-memory fakes: a
 * cancelled cycle's step stops every flow still running, once, and a failed step leaves the cycle to
 * the watchdog; a skipped phase's step stops its flow, once; a running phase's moved due date moves its flow's date, a refused move is on the
 * phase (not tried again), and a date the flow moved itself is not undone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeFlows } from './fake-flows';
import { fakeDeps, spukRequest } from './fakes';
import { createCycle } from '../../../functions/flows/cycle/office';
import { cancelCycle, changePhase } from '../../../functions/flows/cycle/office-changes';
import { advanceCycle, type CycleRunDeps } from '../../../functions/flows/cycle/run';
import { watchedCycles } from '../../../functions/flows/cycle/watchdog';

let f: ReturnType<typeof fakeDeps>;
let flows: FakeFlows;
let deps: CycleRunDeps;
let id: string;
const cycle = async () => (await f.cycles.get(id))!;
const kinds = async () => (await f.cycles.listAudit(id)).map((e) => e.kind);
const reason = 'Het bestuur vergadert later';

beforeEach(async () => {
  f = fakeDeps('2027-06-01T09:00:00Z');
  flows = new FakeFlows();
  deps = { ...f.deps, flows };
  id = (await createCycle(f.deps, spukRequest(), 'office')).id;
  // The kick-off runs as an action item, due 9 July 2027 at 17:00 in Amsterdam.
  f.clock.now = new Date('2027-07-02T07:00:00Z');
  await advanceCycle(deps, id);
});

const move = async (due: string) =>
  changePhase(f.deps, id, 'kickOff', { action: 'move', due, reason, version: (await cycle()).version }, 'office');

describe('a skipped phase stops the flow it runs', () => {
  it("its next step stops that flow once, with the office's reason, and the cycle goes on", async () => {
    const skip = {
      action: 'skip' as const,
      reason: 'De aftrap was al op de themavond',
      instead: [],
      version: (await cycle()).version,
    };
    await changePhase(f.deps, id, 'kickOff', skip, 'office');
    expect(flows.made.get(flows.idOf('kickOff'))!.stopped).toBeUndefined();
    const plan = await advanceCycle(deps, id);
    expect(plan.closed).toBe(false);
    expect(flows.made.get(flows.idOf('kickOff'))!.stopped).toBe(
      'De stap "Start: wat werkte, wat moet groter, wat stopt?" van Aanvraag SPUK Kansrijke Wijk is overgeslagen: ' +
        'De aftrap was al op de themavond',
    );
    const c = await cycle();
    expect(c.status).toBe('running');
    expect(c.facts.kickOff.stoppedAt).toBe('2027-07-02T07:00:00.000Z');
    // Stopped once: the next step leaves it.
    flows.made.get(flows.idOf('kickOff'))!.stopped = undefined;
    await advanceCycle(deps, id);
    expect(flows.made.get(flows.idOf('kickOff'))!.stopped).toBeUndefined();
  });
});

describe('a cancelled cycle stops what its phases started', () => {
  it("its next step stops the running flows once, through the flows' own use case, and ends", async () => {
    await cancelCycle(f.deps, id, { reason: 'Het geld is op', version: (await cycle()).version }, 'office');
    // The office's request only writes the cycle: the flow still runs until the step.
    expect(flows.made.get(flows.idOf('kickOff'))!.stopped).toBeUndefined();
    const plan = await advanceCycle(deps, id);
    expect(plan.closed).toBe(true);
    expect(flows.made.get(flows.idOf('kickOff'))!.stopped).toBe(
      'Aanvraag SPUK Kansrijke Wijk is gestopt: Het geld is op',
    );
    const c = await cycle();
    expect(c.cancelled?.flowsStoppedAt).toBe('2027-07-02T07:00:00.000Z');
    expect(c.facts.kickOff.stoppedAt).toBe('2027-07-02T07:00:00.000Z');
    expect(await kinds()).toContain('flows-stopped');
    await advanceCycle(deps, id);
    expect((await kinds()).filter((k) => k === 'flows-stopped')).toHaveLength(1);
  });

  it('a step that fails before it stopped the flows leaves the cycle to the watchdog, which carries it on', async () => {
    await cancelCycle(f.deps, id, { reason: 'Het geld is op', version: (await cycle()).version }, 'office');
    const stop = flows.stop.bind(flows);
    flows.stop = async () => {
      throw new Error('DynamoDB is away');
    };
    await expect(advanceCycle(deps, id)).rejects.toThrow('DynamoDB is away');
    const watched = watchedCycles(f.deps as never, f.cycles as never, async () => []);
    expect((await watched.store.list('cancelled')).map((c) => c.id)).toEqual([id]);
    flows.stop = stop;
    await advanceCycle(deps, id);
    expect(flows.made.get(flows.idOf('kickOff'))!.stopped).toBeDefined();
    // Stopped: no longer the watchdog's.
    expect(await watched.store.list('cancelled')).toEqual([]);
  });

  it('cancelled while a step runs: that step stops what runs, also the flow it has just started', async () => {
    flows.end('kickOff', { ended: 'done' });
    const start = flows.start.bind(flows);
    flows.start = async (...args) => {
      const made = await start(...args);
      // The office cancels between the step's start of the input round and its write.
      await cancelCycle(f.deps, id, { reason: 'Het geld is op', version: (await cycle()).version }, 'office');
      return made;
    };
    const plan = await advanceCycle(deps, id);
    expect(plan.closed).toBe(true);
    expect(flows.made.get(flows.idOf('partnerContributions'))!.stopped).toBeDefined();
    expect((await cycle()).facts.partnerContributions).toMatchObject({ flow: { kind: 'inputRound' } });
    expect((await cycle()).facts.partnerContributions.stoppedAt).toBeDefined();
  });

  it('a flow that ended meanwhile is left as it is', async () => {
    flows.end('kickOff', { ended: 'done' });
    await cancelCycle(f.deps, id, { reason: 'Het geld is op', version: (await cycle()).version }, 'office');
    await advanceCycle(deps, id);
    expect(flows.made.get(flows.idOf('kickOff'))!.stopped).toBeUndefined();
    expect((await cycle()).cancelled?.flowsStoppedAt).toBeDefined();
  });
});

describe("a running phase's moved due date moves its flow", () => {
  it("moves the flow's date at the step the move wakes, with the office's reason, on record once", async () => {
    await move('2027-07-16T17:00:00+02:00');
    await advanceCycle(deps, id);
    expect(flows.moves).toEqual([
      {
        id: flows.idOf('kickOff'),
        due: '2027-07-16T15:00:00.000Z',
        reason: `Verzet in Aanvraag SPUK Kansrijke Wijk: ${reason}`,
      },
    ]);
    expect((await cycle()).facts.kickOff.flowDue).toBe('2027-07-16T15:00:00.000Z');
    await advanceCycle(deps, id);
    expect(flows.moves).toHaveLength(1);
    expect((await kinds()).filter((k) => k === 'phase-flow-moved')).toHaveLength(1);
  });

  it('a move the flow refuses is on the phase with its reasons, and not tried again', async () => {
    flows.refuseEarlier = true;
    await move('2027-07-08T17:00:00+02:00');
    await advanceCycle(deps, id);
    await advanceCycle(deps, id);
    expect(flows.moves).toEqual([]);
    expect((await cycle()).facts.kickOff.moveRefused).toEqual({
      due: '2027-07-08T15:00:00.000Z',
      fields: { deadline: 'the new deadline must lie after the current deadline' },
    });
    expect((await kinds()).filter((k) => k === 'phase-flow-move-refused')).toHaveLength(1);
    // A later date it takes, and the refusal goes.
    flows.refuseEarlier = false;
    await move('2027-07-12T17:00:00+02:00');
    await advanceCycle(deps, id);
    expect((await cycle()).facts.kickOff).toMatchObject({ flowDue: '2027-07-12T15:00:00.000Z' });
    expect((await cycle()).facts.kickOff.moveRefused).toBeUndefined();
  });

  it("a phase started before the cycle kept its flow's date keeps the flow's own date, and follows later moves", async () => {
    const c = await cycle();
    const { flowDue: _, ...old } = c.facts.kickOff;
    await f.cycles.save({ ...c, facts: { ...c.facts, kickOff: old }, version: c.version + 1 }, c.version);
    flows.end('kickOff', { ended: null, due: '2027-07-13T15:00:00.000Z' });
    await advanceCycle(deps, id);
    expect(flows.moves).toEqual([]);
    expect((await cycle()).facts.kickOff.flowDue).toBe('2027-07-09T15:00:00.000Z');
    expect(await kinds()).not.toContain('phase-flow-moved');
    await move('2027-07-16T17:00:00+02:00');
    await advanceCycle(deps, id);
    expect(flows.moves.map((m) => m.due)).toEqual(['2027-07-16T15:00:00.000Z']);
  });

  it('a date the flow moved itself (an owner who took a few days more) is not undone', async () => {
    flows.end('kickOff', { ended: null, due: '2027-07-13T15:00:00.000Z' });
    f.clock.now = new Date('2027-07-03T07:00:00Z');
    await advanceCycle(deps, id);
    expect(flows.moves).toEqual([]);
  });
});
