import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { planCycle, type Template } from '../../../functions/flows/cycle';
import { dates, refused, SPUK_ANCHORS, spukPlan, spukTemplate, templates } from './fixtures';

const wall = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' }).toFormat('yyyy-MM-dd HH:mm ZZ');

describe('the SPUK plan for the board meeting of 24 September 2026', () => {
  it('gives each phase the dates worked out by hand (UTC; 17:00 Amsterdam is 15:00Z in summer, 16:00Z in winter)', () => {
    expect(dates(spukPlan())).toEqual({
      // 12 weeks before the meeting, 09:00; a week later at 17:00.
      kickOff: ['2026-07-02T07:00:00.000Z', '2026-07-09T15:00:00.000Z'],
      // When the kick-off is done (at the earliest its due date); 7 weeks before the meeting: 6 August.
      partnerContributions: ['2026-07-09T15:00:00.000Z', '2026-08-06T15:00:00.000Z'],
      residentInput: ['2026-07-09T15:00:00.000Z', '2026-08-06T15:00:00.000Z'],
      // Waits for both inputs; 4 weeks before: 27 August.
      draft: ['2026-08-06T15:00:00.000Z', '2026-08-27T15:00:00.000Z'],
      // 2 weeks before: 10 September.
      review: ['2026-08-27T15:00:00.000Z', '2026-09-10T15:00:00.000Z'],
      // On the agenda of the meeting itself, 16:00 summer time.
      boardAgenda: ['2026-09-10T15:00:00.000Z', '2026-09-24T14:00:00.000Z'],
      // The review done and not before a week ahead at 09:00 (the later of the two); closes at the meeting.
      boardApproval: ['2026-09-17T07:00:00.000Z', '2026-09-24T14:00:00.000Z'],
      // Across the end of summer time on 25 October: starts 16:00 CEST, due two days before the deadline, 17:00 CET.
      submission: ['2026-09-24T14:00:00.000Z', '2026-10-28T16:00:00.000Z'],
      // Three months after the submission's due date.
      award: ['2026-10-28T16:00:00.000Z', '2027-01-28T16:00:00.000Z'],
      // Half-yearly, across the start of summer time: 28 January 17:00 CET to 28 July 17:00 CEST.
      'publicUpdate-1': ['2027-01-28T16:00:00.000Z', '2027-07-28T15:00:00.000Z'],
      'publicUpdate-2': ['2027-07-28T15:00:00.000Z', '2028-01-28T16:00:00.000Z'],
    });
  });

  it('keeps the wall-clock times across the change of summer time', () => {
    const submission = spukPlan().phases.find((p) => p.key === 'submission')!;
    expect([wall(submission.start.at), wall(submission.due)]).toEqual([
      '2026-09-24 16:00 +02:00',
      '2026-10-28 17:00 +01:00',
    ]);
  });

  it('says what a gated phase waits for, with its earliest date', () => {
    const plan = spukPlan();
    const phase = (key: string) => plan.phases.find((p) => p.key === key)!.start;
    expect(phase('kickOff')).toEqual({
      rule: 'date',
      after: [],
      date: '2026-07-02T07:00:00.000Z',
      at: '2026-07-02T07:00:00.000Z',
    });
    expect(phase('draft')).toEqual({
      rule: 'after',
      after: ['partnerContributions', 'residentInput'],
      at: '2026-08-06T15:00:00.000Z',
    });
    expect(phase('boardApproval')).toEqual({
      rule: 'last',
      after: ['review'],
      date: '2026-09-17T07:00:00.000Z',
      at: '2026-09-17T07:00:00.000Z',
    });
  });

  it('takes the earlier of gate and date for "first", the later for "last"', () => {
    const first = structuredClone(spukTemplate) as Template;
    first.phases[6].start.when = 'first';
    first.phases[6].start.on = { anchor: 'boardMeeting', offset: '-P21D', time: '09:00' };
    expect(planCycle(first, SPUK_ANCHORS).phases[6].start.at).toBe('2026-09-03T07:00:00.000Z');
    first.phases[6].start.on = { anchor: 'boardMeeting', offset: '-P7D', time: '09:00' };
    // Review due 10 September 17:00 comes before 17 September: "first" starts with the gate.
    expect(planCycle(first, SPUK_ANCHORS).phases[6].start.at).toBe('2026-09-10T15:00:00.000Z');
  });

  it('lays out repeats up to the horizon, one year after the latest anchor unless told', () => {
    expect(spukPlan().horizon).toBe('2027-10-30T15:00:00.000Z');
    const far = planCycle(spukTemplate, SPUK_ANCHORS, { horizon: '2029-01-01T00:00:00+01:00' });
    expect(far.phases.filter((p) => p.phase === 'publicUpdate').map((p) => wall(p.start.at))).toEqual([
      '2027-01-28 17:00 +01:00',
      '2027-07-28 17:00 +02:00',
      '2028-01-28 17:00 +01:00',
      '2028-07-28 17:00 +02:00',
    ]);
    expect(far.phases.at(-1)!.repeat).toEqual({ every: 'P6M', first: 'publicUpdate-1', n: 4 });
  });

  it('refuses a missing, unknown or malformed anchor, in Dutch and in English', () => {
    const r = refused(() => planCycle(spukTemplate, { boardMeeting: '2026-09-24', extra: SPUK_ANCHORS.boardMeeting }));
    expect(r.nl).toEqual({
      'anchors.boardMeeting': 'Gebruik een datum en tijd met tijdzone, zoals 2026-09-24T16:00:00+02:00.',
      'anchors.ministryDeadline': 'Vul deze datum in: Uiterste datum ministerie.',
      'anchors.extra': 'Deze datum hoort niet bij dit sjabloon.',
    });
    expect(r.en['anchors.ministryDeadline']).toBe("Fill in this date: Ministry's deadline.");
    expect(refused(() => planCycle(spukTemplate, SPUK_ANCHORS, { horizon: 'soon' })).nl).toHaveProperty('horizon');
  });

  it('refuses a plan in which a phase is due before it starts, naming the phase', () => {
    // A ministry deadline one day after the meeting: the submission would be due a day before the board decides.
    const r = refused(() =>
      planCycle(spukTemplate, { ...SPUK_ANCHORS, ministryDeadline: '2026-09-25T17:00:00+02:00' }),
    );
    expect(r.nl).toEqual({
      'phases.submission.due':
        '"Aanvraag indienen bij het ministerie" moet klaar zijn op woensdag 23 september 2026 om 17:00 uur, ' +
        'maar begint pas op donderdag 24 september 2026 om 16:00 uur.',
    });
  });
});

describe('the other templates', () => {
  it('plans the yearly budget over the summer inventory', () => {
    const plan = planCycle(templates.get('yearly-budget')!, {
      budgetMeeting: '2026-12-10T16:00:00+01:00',
      reallocationMeeting: '2027-09-23T16:00:00+02:00',
    });
    expect(dates(plan)).toEqual({
      proposals: ['2026-10-01T07:00:00.000Z', '2026-10-29T16:00:00.000Z'],
      draftBudget: ['2026-10-29T16:00:00.000Z', '2026-11-26T16:00:00.000Z'],
      budgetApproval: ['2026-12-03T08:00:00.000Z', '2026-12-10T15:00:00.000Z'],
      // Waits for the budget and for 1 July, 12 weeks before the reallocation meeting.
      summerInventory: ['2027-07-01T07:00:00.000Z', '2027-08-12T15:00:00.000Z'],
      reallocationProposal: ['2027-08-12T15:00:00.000Z', '2027-09-09T15:00:00.000Z'],
      reallocationDecision: ['2027-09-16T07:00:00.000Z', '2027-09-23T14:00:00.000Z'],
    });
  });

  it('plans the half-yearly advice from request to publication', () => {
    const plan = planCycle(templates.get('half-yearly-advice')!, {
      adviceDue: '2027-03-15T17:00:00+01:00',
      boardMeeting: '2027-04-08T16:00:00+02:00',
    });
    expect(dates(plan)).toEqual({
      request: ['2027-01-18T08:00:00.000Z', '2027-02-01T16:00:00.000Z'],
      advice: ['2027-02-01T16:00:00.000Z', '2027-03-15T16:00:00.000Z'],
      boardResponse: ['2027-03-15T16:00:00.000Z', '2027-04-08T14:00:00.000Z'],
      publication: ['2027-04-08T14:00:00.000Z', '2027-04-22T15:00:00.000Z'],
    });
  });

  it('asks an actielijn trekker four times a year, and publishes after each update', () => {
    const plan = planCycle(templates.get('actielijn-monitoring')!, { yearStart: '2027-01-01T00:00:00+01:00' });
    expect(dates(plan)).toEqual({
      'progressUpdate-1': ['2027-03-01T08:00:00.000Z', '2027-04-15T15:00:00.000Z'],
      'progressUpdate-2': ['2027-06-01T07:00:00.000Z', '2027-07-15T15:00:00.000Z'],
      'progressUpdate-3': ['2027-09-01T07:00:00.000Z', '2027-10-15T15:00:00.000Z'],
      'progressUpdate-4': ['2027-12-01T08:00:00.000Z', '2028-01-15T16:00:00.000Z'],
      // The fourth publication would start on 15 January 2028, after the horizon (1 January 2028).
      'currentState-1': ['2027-04-15T15:00:00.000Z', '2027-04-29T15:00:00.000Z'],
      'currentState-2': ['2027-07-15T15:00:00.000Z', '2027-07-29T15:00:00.000Z'],
      // Summer time ends on 31 October in 2027: 29 October is still 15:00Z.
      'currentState-3': ['2027-10-15T15:00:00.000Z', '2027-10-29T15:00:00.000Z'],
    });
  });
});

describe('every plan', () => {
  it('has each due date at or after its start, and each gated start at or after what it waits for', () => {
    const instant = fc.date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.integer({ min: 7, max: 180 }), (meeting, days) => {
        const boardMeeting = meeting.toISOString();
        const ministryDeadline = new Date(meeting.getTime() + days * 86_400_000).toISOString();
        const plan = planCycle(spukTemplate, { boardMeeting, ministryDeadline });
        const due = new Map(plan.phases.map((p) => [p.key, p.due]));
        for (const p of plan.phases) {
          expect(p.due >= p.start.at).toBe(true);
          for (const k of p.start.after) if (p.start.rule !== 'first') expect(p.start.at >= due.get(k)!).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
