/**
 * The recurrence picker: each choice as its RRULE (accepted by the series' own check), read back,
 * in Dutch and English words, and its next five dates in Amsterdam across the summer-time changes.
 */
import { describe, expect, it } from 'vitest';
import {
  describe as words,
  fromRrule,
  nextStarts,
  type Recurrence,
  toRrule,
} from '../../../functions/flows/meeting/recurrence';
import { checkRule } from '../../../functions/flows/meeting/series';

const base: Recurrence = {
  frequency: 'monthly',
  interval: 1,
  by: 'weekday',
  weekday: 'TU',
  ordinal: 2,
  monthDay: 1,
  month: 6,
};
const pick = (over: Partial<Recurrence>): Recurrence => ({ ...base, ...over });

describe('the recurrence picker', () => {
  const cases: [Partial<Recurrence>, string, string, string][] = [
    [{}, 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', 'elke tweede dinsdag van de maand', 'every second Tuesday of the month'],
    [
      { ordinal: -1, weekday: 'TH' },
      'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1',
      'elke laatste donderdag van de maand',
      'every last Thursday of the month',
    ],
    [{ frequency: 'weekly', weekday: 'WE' }, 'FREQ=WEEKLY;BYDAY=WE', 'elke woensdag', 'every Wednesday'],
    [
      { frequency: 'weekly', interval: 2, weekday: 'MO' },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
      'elke 2 weken op maandag',
      'every 2 weeks on Monday',
    ],
    [{ by: 'date', monthDay: 15 }, 'FREQ=MONTHLY;BYMONTHDAY=15', 'elke maand op de 15e', 'every month on the 15th'],
    [
      { by: 'date', monthDay: 3, interval: 2 },
      'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=3',
      'elke 2 maanden op de 3e',
      'every 2 months on the 3rd',
    ],
    [
      { frequency: 'yearly', ordinal: 3, month: 6 },
      'FREQ=YEARLY;BYMONTH=6;BYDAY=TU;BYSETPOS=3',
      'elk jaar op de derde dinsdag van juni',
      'every year on the third Tuesday of June',
    ],
    [
      { frequency: 'half-yearly', ordinal: 1, weekday: 'TH' },
      'FREQ=MONTHLY;INTERVAL=6;BYDAY=TH;BYSETPOS=1',
      'elk half jaar (maart en september) op de eerste donderdag van de maand',
      'every six months (March and September) on the first Thursday of the month',
    ],
  ];
  it.each(cases)('%o is %s, in words "%s"', (over, rule, nl, en) => {
    const r = pick(over);
    expect(toRrule(r)).toBe(rule);
    expect(checkRule(rule)).toBeNull();
    expect(fromRrule(rule)).toEqual(r);
    expect(words(r, '2027-03-01', '19:00', 120, 'nl')).toBe(`${nl}, 19:00–21:00`);
    expect(words(r, '2027-03-01', '19:00', 120, 'en')).toBe(`${en}, 19:00–21:00`);
  });

  it('reads rules written through the API in other spellings, and leaves what it cannot say', () => {
    expect(fromRrule('FREQ=MONTHLY;BYDAY=2TU')).toEqual(base);
    expect(fromRrule('FREQ=MONTHLY;BYSETPOS=2;BYDAY=TU;INTERVAL=1')).toEqual(base);
    expect(fromRrule('FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=2')).toBeNull();
    expect(fromRrule('FREQ=WEEKLY;BYDAY=TU;COUNT=4')).toBeNull();
    expect(fromRrule('FREQ=MONTHLY;BYMONTHDAY=31')).toBeNull();
    expect(fromRrule('FREQ=DAILY')).toBeNull();
  });

  it('ends a meeting past midnight on the next day', () => {
    expect(words(pick({}), '2027-01-01', '23:30', 60, 'nl')).toBe('elke tweede dinsdag van de maand, 23:30–00:30');
  });
});

describe('the next five dates', () => {
  const now = new Date('2026-11-02T09:00:00Z');

  it('keeps 19:00 in Amsterdam when summer time starts (28 March 2027)', () => {
    const starts = nextStarts('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', '2027-02-01', '19:00', 120, now);
    expect(starts).toEqual([
      '2027-02-09T19:00:00.000+01:00',
      '2027-03-09T19:00:00.000+01:00',
      '2027-04-13T19:00:00.000+02:00',
      '2027-05-11T19:00:00.000+02:00',
      '2027-06-08T19:00:00.000+02:00',
    ]);
  });

  it('keeps the wall time weekly across the end of summer time (31 October 2027)', () => {
    const starts = nextStarts('FREQ=WEEKLY;BYDAY=TH', '2027-10-20', '20:00', 90, now);
    expect(starts).toEqual([
      '2027-10-21T20:00:00.000+02:00',
      '2027-10-28T20:00:00.000+02:00',
      '2027-11-04T20:00:00.000+01:00',
      '2027-11-11T20:00:00.000+01:00',
      '2027-11-18T20:00:00.000+01:00',
    ]);
  });

  it('finds the last Tuesday of each month, and starts from today when the first day has passed', () => {
    const starts = nextStarts('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1', '2026-01-01', '19:00', 120, now);
    expect(starts.map((s) => s.slice(0, 10))).toEqual([
      '2026-11-24',
      '2026-12-29',
      '2027-01-26',
      '2027-02-23',
      '2027-03-30',
    ]);
  });

  it('gives half-yearly and yearly meetings years ahead', () => {
    const half = nextStarts('FREQ=MONTHLY;INTERVAL=6;BYDAY=TH;BYSETPOS=1', '2027-03-01', '19:00', 120, now);
    expect(half.map((s) => s.slice(0, 10))).toEqual([
      '2027-03-04',
      '2027-09-02',
      '2028-03-02',
      '2028-09-07',
      '2029-03-01',
    ]);
    const yearly = nextStarts('FREQ=YEARLY;BYMONTH=6;BYDAY=TU;BYSETPOS=3', '2027-01-01', '16:00', 120, now);
    expect(yearly.map((s) => s.slice(0, 10))).toEqual([
      '2027-06-15',
      '2028-06-20',
      '2029-06-19',
      '2030-06-18',
      '2031-06-17',
    ]);
  });

  it('gives nothing for a rule the series would refuse', () => {
    expect(nextStarts('FREQ=DAILY', '2027-01-01', '19:00', 60, now)).toEqual([]);
    expect(nextStarts('FREQ=WEEKLY;BYDAY=TU', '2027-02-30', '19:00', 60, now)).toEqual([]);
  });
});
