/**
 * A cycle about an actielijn, on in-memory fakes: its name with the actielijn's, an unknown one
 * refused on its field, and after each step the trekker's done reports handed to the actielijn
 * (every wake all of them, so one lost between two writes is made good at the next).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeFlows } from './fake-flows';
import { fakeDeps } from './fakes';
import { createCycle } from '../../../functions/flows/cycle/office';
import { markPhaseDone } from '../../../functions/flows/cycle/office-changes';
import { CycleRefused } from '../../../functions/flows/cycle/refused';
import { advanceWithSubject, type DoneReport, type SubjectRunDeps } from '../../../functions/flows/cycle/subject-run';

const monitoring = (subject?: { actielijnId: string }) => ({
  templateId: 'actielijn-monitoring',
  anchors: { yearStart: '2027-01-01T00:00:00+01:00' },
  assignments: { trekker: { organisationIds: ['woon'] }, programmeTeam: { personIds: ['p-samira'] } },
  changes: [] as never[],
  ...(subject ? { subject } : {}),
});

let f: ReturnType<typeof fakeDeps>;
let flows: FakeFlows;
let handed: { actielijnId: string; reports: DoneReport[] }[];
let deps: SubjectRunDeps;

beforeEach(() => {
  f = fakeDeps('2026-12-01T09:00:00Z');
  flows = new FakeFlows();
  handed = [];
  deps = {
    ...f.deps,
    flows,
    reports: { recordReports: async (actielijnId, reports) => void handed.push({ actielijnId, reports }) },
  };
});

describe('a cycle about an actielijn', () => {
  it("carries the actielijn's name with its own, so the monitoring cycles can be told apart", async () => {
    const c = await createCycle(f.deps, monitoring({ actielijnId: 'al-cooperatieven' }), 'office');
    expect(c.name).toEqual({
      nl: 'Voortgang van een actielijn – Coöperatieven',
      en: 'Actielijn monitoring – Coöperatieven',
    });
    expect(c.subject).toEqual({ actielijnId: 'al-cooperatieven', name: 'Coöperatieven' });
    expect((await createCycle(f.deps, monitoring(), 'office')).name.nl).toBe('Voortgang van een actielijn');
  });

  it('refuses an unknown actielijn on its field, Dutch first, and stores nothing', async () => {
    const err = await createCycle(f.deps, monitoring({ actielijnId: 'al-onbekend' }), 'office').catch((e) => e);
    expect(err).toBeInstanceOf(CycleRefused);
    expect(err.fields).toEqual({
      'subject.actielijnId': 'Er is geen actielijn "al-onbekend". Kies er een uit GET /api/actielijnen.',
    });
    expect(err.en['subject.actielijnId']).toContain('There is no actielijn');
    expect(f.cycles.docs.size).toBe(0);
  });

  it("hands the trekker's done report to the actielijn after the step, at every wake", async () => {
    const c = await createCycle(f.deps, monitoring({ actielijnId: 'al-cooperatieven' }), 'office');
    // 1 March 2027 09:00: the first quarter's report starts as an action item of the trekker.
    f.clock.now = new Date('2027-03-01T08:00:00Z');
    await advanceWithSubject(deps, c.id);
    const report = (await f.cycles.get(c.id))!.facts['progressUpdate-1'];
    expect(report.flow).toEqual({ kind: 'followUp', id: `followUp:cycle:${c.id}:progressUpdate-1` });
    expect(handed).toEqual([]);
    flows.made.get(report.flow!.id)!.state = { ended: 'done' };
    f.clock.now = new Date('2027-03-02T08:00:00Z');
    await advanceWithSubject(deps, c.id);
    const done = {
      cycleId: c.id,
      phase: 'progressUpdate-1',
      actionItemId: report.flow!.id,
      doneAt: '2027-03-02T08:00:00.000Z',
    };
    // Written, but not public until the office has published the quarter's state (from 15 April).
    expect(handed).toEqual([]);
    f.clock.now = new Date('2027-04-15T16:00:00Z');
    await advanceWithSubject(deps, c.id);
    expect(handed).toEqual([]);
    const cycle = (await f.cycles.get(c.id))!;
    await markPhaseDone(f.deps, c.id, 'currentState-1', { version: cycle.version }, 'p-samira');
    await advanceWithSubject(deps, c.id);
    expect(handed).toEqual([{ actielijnId: 'al-cooperatieven', reports: [done] }]);
    // The next wake hands it again: the actielijn records each once (a lost write is made good).
    f.clock.now = new Date('2027-04-16T08:00:00Z');
    await advanceWithSubject(deps, c.id);
    expect(handed).toHaveLength(2);
    expect(handed[1].reports).toEqual([done]);
  });

  it('hands nothing for a cycle about nothing', async () => {
    const c = await createCycle(f.deps, monitoring(), 'office');
    f.clock.now = new Date('2027-03-01T08:00:00Z');
    await advanceWithSubject(deps, c.id);
    const id = (await f.cycles.get(c.id))!.facts['progressUpdate-1'].flow!.id;
    flows.made.get(id)!.state = { ended: 'done' };
    await advanceWithSubject(deps, c.id);
    expect((await f.cycles.get(c.id))!.facts['progressUpdate-1'].doneAt).toBeDefined();
    expect(handed).toEqual([]);
  });
});
