import { describe, expect, it } from 'vitest';
import { type AddPhase, addPhase, type ChangeContext, skipPhase } from '../../../functions/flows/cycle';
import { dates, phase, refused, spukPlan } from './fixtures';

const ctx: ChangeContext = { by: 'p-office', now: new Date('2026-07-01T10:00:00Z') };

describe('skipping a phase', () => {
  it('asks what the phases that wait for it wait for instead', () => {
    const r = refused(() => skipPhase(spukPlan(), { key: 'residentInput', reason: 'Al gedaan in het voorjaar' }, ctx));
    expect(r.en.instead).toBe(
      'These phases wait for this one: "Write the draft application". Say what they wait for now (nothing is an answer too).',
    );
    expect(r.nl).toEqual({
      instead:
        'Deze fasen wachten op deze fase: "Concept-aanvraag schrijven". Zeg waar ze nu op wachten (dat mag ook niets zijn).',
    });
  });

  it('skips with nothing instead: the others wait for the rest, or start on the date planned now', () => {
    const { plan, change } = skipPhase(
      spukPlan(),
      { key: 'residentInput', reason: 'Al gedaan in het voorjaar', instead: [] },
      ctx,
    );
    expect(phase(plan, 'residentInput').skipped).toEqual({
      reason: 'Al gedaan in het voorjaar',
      by: 'p-office',
      at: '2026-07-01T10:00:00.000Z',
    });
    expect(phase(plan, 'draft').start.after).toEqual(['partnerContributions']);
    expect(dates(plan)).toEqual(dates(spukPlan()));
    expect(change).toMatchObject({
      kind: 'skip',
      phase: 'residentInput',
      what: { dependents: ['draft'], instead: [] },
    });
    const { plan: noKickOff } = skipPhase(spukPlan(), { key: 'kickOff', reason: 'Al besproken', instead: [] }, ctx);
    expect(phase(noKickOff, 'partnerContributions').start).toEqual({
      rule: 'date',
      after: [],
      date: '2026-07-09T15:00:00.000Z',
      at: '2026-07-09T15:00:00.000Z',
    });
  });

  it('lets the phases that waited wait for an earlier phase instead', () => {
    const { plan } = skipPhase(spukPlan(), { key: 'review', reason: 'Geen tijd', instead: ['draft'] }, ctx);
    expect(phase(plan, 'boardAgenda').start).toMatchObject({
      rule: 'after',
      after: ['draft'],
      at: '2026-08-27T15:00:00.000Z',
    });
    expect(phase(plan, 'boardApproval').start).toMatchObject({
      rule: 'last',
      after: ['draft'],
      at: '2026-09-17T07:00:00.000Z',
    });
  });

  it('refuses a later or unknown phase instead, a phase skipped already, and a phase done', () => {
    const plan = spukPlan();
    const skip = (instead: string[]) =>
      refused(() => skipPhase(plan, { key: 'review', reason: 'Geen tijd', instead }, ctx)).nl;
    expect(skip(['submission'])).toEqual({
      instead: '"submission" is geen eerdere fase. Een fase kan alleen wachten op een fase ervoor.',
    });
    expect(skip(['nothing'])).toHaveProperty('instead');
    const { plan: once } = skipPhase(plan, { key: 'boardAgenda', reason: 'Niet nodig' }, ctx);
    expect(refused(() => skipPhase(once, { key: 'boardAgenda', reason: 'Nog eens' }, ctx)).nl).toEqual({
      key: 'Deze fase is overgeslagen. Die kunt u niet meer veranderen.',
    });
    const done = { ...ctx, facts: { boardAgenda: { doneAt: '2026-06-30T00:00:00Z' } } };
    expect(refused(() => skipPhase(plan, { key: 'boardAgenda', reason: 'Niet nodig' }, done)).nl).toHaveProperty('key');
  });
});

describe('adding a phase', () => {
  const report: AddPhase = {
    key: 'firstReport',
    kind: 'report',
    role: 'programmeTeam',
    title: { nl: 'Eerste verantwoording', en: 'First accountability report' },
    start: { after: ['award'] },
    due: { on: '2027-06-30T17:00:00+02:00' },
    reason: 'Staat in de beschikking',
  };

  it('adds a reporting obligation after the award, last in the plan and on record', () => {
    const { plan, change } = addPhase(spukPlan(), report, ctx);
    expect(plan.phases.at(-1)).toMatchObject({ key: 'firstReport', kind: 'report', origin: 'office' });
    expect(dates(plan).firstReport).toEqual(['2027-01-28T16:00:00.000Z', '2027-06-30T15:00:00.000Z']);
    expect(change).toEqual({
      kind: 'add',
      phase: 'firstReport',
      by: 'p-office',
      at: '2026-07-01T10:00:00.000Z',
      reason: 'Staat in de beschikking',
      what: { kind: 'report', role: 'programmeTeam' },
    });
  });

  it('adds a report after an award done early: it starts now, and may be due before the award was planned', () => {
    // The award was planned until 28 January; it came in November and the office recorded it.
    const facts = { award: { startedAt: '2026-11-02T09:00:00.000Z', doneAt: '2026-11-30T09:00:00.000Z' } };
    const due = { on: '2027-01-10T17:00:00+01:00' };
    const { plan, change } = addPhase(spukPlan(), { ...report, due }, { ...ctx, facts });
    expect(phase(plan, 'firstReport').start).toEqual({
      rule: 'date',
      after: [],
      date: ctx.now.toISOString(),
      at: ctx.now.toISOString(),
    });
    expect(dates(plan).firstReport).toEqual([ctx.now.toISOString(), '2027-01-10T16:00:00.000Z']);
    expect(change.what).toEqual({ kind: 'report', role: 'programmeTeam', after: ['award'] });
    // While the award still runs, its planned date holds the report back: due before it is refused.
    const running = { award: { startedAt: '2026-11-02T09:00:00.000Z' } };
    expect(refused(() => addPhase(spukPlan(), { ...report, due }, { ...ctx, facts: running })).nl).toHaveProperty(
      'phases.firstReport.due',
    );
  });

  it('adds a phase on a date with a due date counted from its start', () => {
    const onDate = { ...report, start: { on: '2027-03-01T09:00:00+01:00' }, due: { afterStart: 'P14D' } };
    expect(dates(addPhase(spukPlan(), onDate, ctx).plan).firstReport).toEqual([
      '2027-03-01T08:00:00.000Z',
      '2027-03-15T08:00:00.000Z',
    ]);
  });

  it('refuses a name in use, an unknown phase to wait for, no start, a date passed, a due date before the start', () => {
    const plan = spukPlan();
    const add = (change: Partial<AddPhase>) => refused(() => addPhase(plan, { ...report, ...change }, ctx)).nl;
    expect(add({ key: 'draft' })).toEqual({ key: 'Deze naam heeft al een andere fase. Kies een andere.' });
    expect(add({ key: 'publicUpdate' })).toHaveProperty('key');
    expect(add({ start: { after: ['awards'] } })).toEqual({
      'start.after': '"awards" is geen eerdere fase. Een fase kan alleen wachten op een fase ervoor.',
    });
    expect(add({ start: {} })).toEqual({ start: 'Geef een begindatum, of de fasen waarop deze fase wacht.' });
    expect(add({ start: { on: '2026-06-01T09:00:00+02:00' }, due: { on: '2026-06-02T09:00:00+02:00' } })).toEqual({
      'start.on': 'Deze datum is al voorbij. Kies een datum in de toekomst.',
      'due.on': 'Deze datum is al voorbij. Kies een datum in de toekomst.',
    });
    expect(add({ due: { on: '2027-01-01T17:00:00+01:00' } })).toHaveProperty('phases.firstReport.due');
  });
});
