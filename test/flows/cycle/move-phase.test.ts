import { describe, expect, it } from 'vitest';
import { type ChangeContext, movePhase, planCycle, type Template } from '../../../functions/flows/cycle';
import { dates, phase, refused, SPUK_ANCHORS, spukPlan, spukTemplate } from './fixtures';

const ctx: ChangeContext = { by: 'p-office', now: new Date('2026-07-01T10:00:00Z') };

describe('moving a phase', () => {
  it('moves a due date, lets the phase waiting for it follow, and keeps the change on record', () => {
    const before = spukPlan();
    const { plan, change } = movePhase(
      before,
      { key: 'draft', due: '2026-09-01T17:00:00+02:00', reason: 'Zomervakantie' },
      ctx,
    );
    expect(dates(plan).draft).toEqual(['2026-08-06T15:00:00.000Z', '2026-09-01T15:00:00.000Z']);
    expect(dates(plan).review).toEqual(['2026-09-01T15:00:00.000Z', '2026-09-10T15:00:00.000Z']);
    expect(change).toEqual({
      kind: 'move',
      phase: 'draft',
      by: 'p-office',
      at: '2026-07-01T10:00:00.000Z',
      reason: 'Zomervakantie',
      what: { due: { from: '2026-08-27T15:00:00.000Z', to: '2026-09-01T15:00:00.000Z' } },
    });
    expect(plan.changes).toEqual([change]);
    expect(before.changes).toEqual([]);
  });

  it('moves a start: a gate still holds it back, and a due date counted from the start follows', () => {
    const { plan, change } = movePhase(
      spukPlan(),
      { key: 'award', start: '2026-11-15T09:00:00+01:00', reason: 'Later besluit' },
      ctx,
    );
    expect(phase(plan, 'award').start).toMatchObject({
      rule: 'last',
      after: ['submission'],
      at: '2026-11-15T08:00:00.000Z',
    });
    expect(dates(plan).award).toEqual(['2026-11-15T08:00:00.000Z', '2027-02-15T16:00:00.000Z']);
    expect(dates(plan)['publicUpdate-1']).toEqual(['2027-02-15T16:00:00.000Z', '2027-08-15T15:00:00.000Z']);
    expect(dates(plan)['publicUpdate-2'][0]).toBe('2027-08-15T15:00:00.000Z');
    expect(change.what).toEqual({
      start: { from: '2026-10-28T16:00:00.000Z', to: '2026-11-15T08:00:00.000Z' },
      due: { from: '2027-01-28T16:00:00.000Z', to: '2027-02-15T16:00:00.000Z' },
    });
  });

  it('keeps "whichever comes first" when the date moves', () => {
    const first = structuredClone(spukTemplate) as Template;
    first.phases[6].start.when = 'first';
    const req = { key: 'boardApproval', start: '2026-09-03T09:00:00+02:00', reason: 'Eerder rondsturen' };
    const { plan } = movePhase(planCycle(first, SPUK_ANCHORS), req, ctx);
    expect(phase(plan, 'boardApproval').start).toEqual({
      rule: 'first',
      after: ['review'],
      date: '2026-09-03T07:00:00.000Z',
      at: '2026-09-03T07:00:00.000Z',
    });
  });

  it('moves one time of a repeat only', () => {
    const far = planCycle(spukTemplate, SPUK_ANCHORS, { horizon: '2029-01-01T00:00:00+01:00' });
    const req = { key: 'publicUpdate-1', start: '2027-02-10T10:00:00+01:00', reason: 'Na de bewonersavond' };
    const { plan } = movePhase(far, req, ctx);
    expect(dates(plan)['publicUpdate-1'][0]).toBe('2027-02-10T09:00:00.000Z');
    expect(dates(plan)['publicUpdate-2']).toEqual(dates(far)['publicUpdate-2']);
    expect(dates(plan)['publicUpdate-4']).toEqual(dates(far)['publicUpdate-4']);
  });

  it('refuses what cannot be, with a message on the field, Dutch first', () => {
    const plan = spukPlan();
    const move = (req: Partial<Parameters<typeof movePhase>[1]>, c: ChangeContext = ctx) =>
      refused(() => movePhase(plan, { key: 'draft', reason: 'Omdat het moet', ...req }, c));
    expect(move({ key: 'drafts', due: '2026-09-01T17:00:00+02:00' }).nl).toEqual({
      key: 'Deze fase staat niet in de planning.',
    });
    expect(move({}).nl).toEqual({ start: 'Geef een nieuwe begindatum of een nieuwe einddatum.' });
    expect(move({ due: '2026-06-30T17:00:00+02:00' })).toEqual({
      nl: { due: 'Deze datum is al voorbij. Kies een datum in de toekomst.' },
      en: { due: 'This date has passed. Choose a date in the future.' },
    });
    const started = { ...ctx, facts: { draft: { startedAt: '2026-06-30T12:00:00Z' } } };
    expect(move({ start: '2026-08-10T09:00:00+02:00' }, started).nl).toEqual({
      start: 'Deze fase is al begonnen. De begindatum kan niet meer anders.',
    });
    // A phase on a plain date has started once the date has come, even before its flow reports it.
    const later = { ...ctx, now: new Date('2026-07-03T00:00:00Z') };
    expect(
      refused(() => movePhase(plan, { key: 'kickOff', start: '2026-07-06T09:00:00+02:00', reason: 'Later' }, later)).nl,
    ).toEqual({
      start: 'Deze fase is al begonnen. De begindatum kan niet meer anders.',
    });
    const done = { ...ctx, facts: { draft: { doneAt: '2026-06-30T12:00:00Z' } } };
    expect(move({ due: '2026-09-01T17:00:00+02:00' }, done).nl).toEqual({
      key: 'Deze fase is al klaar. Die kunt u niet meer veranderen.',
    });
  });

  it('refuses a move after which a phase would be due before it starts, naming that phase', () => {
    // The draft due on 12 September: the review, due on 10 September, would start after it is due.
    const r = refused(() =>
      movePhase(spukPlan(), { key: 'draft', due: '2026-09-12T17:00:00+02:00', reason: 'Meer tijd' }, ctx),
    );
    expect(Object.keys(r.nl)).toEqual(['phases.review.due']);
    expect(r.en['phases.review.due']).toBe(
      '"Review by the kerngroep and opgaveteams" must be done on Thursday 10 September 2026 at 17:00, ' +
        'but starts only on Saturday 12 September 2026 at 17:00.'.replace(
          'Review by the kerngroep and opgaveteams',
          'Kerngroep en opgaveteams kijken mee',
        ),
    );
    expect(
      refused(() => movePhase(spukPlan(), { key: 'draft', start: '2026-08-30T09:00:00+02:00', reason: 'Later' }, ctx))
        .nl,
    ).toHaveProperty('phases.draft.due');
  });
});
