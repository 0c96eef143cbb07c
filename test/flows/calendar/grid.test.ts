/**
 * The calendar's month and week on Amsterdam's calendar: Monday first, a month starting on a Sunday,
 * a month of exactly four weeks, the weeks summer time starts and ends in (167 and 169 hours), an
 * entry just before and after midnight on the day it falls in Amsterdam, ISO week numbers.
 */
import { describe, expect, it } from 'vitest';
import { byDay, dayOf, isDate, isMonth, monthGrid, weekGrid } from '../../../functions/flows/calendar';

const hours = (w: { from: string; to: string }) => (Date.parse(w.to) - Date.parse(w.from)) / 3_600_000;

describe('the month grid', () => {
  it('starts a month that begins on a Sunday with the Monday before it, and ends on a Sunday', () => {
    // 1 November 2026 is a Sunday; 30 November a Monday.
    const g = monthGrid('2026-11', '2026-11-02');
    expect(g.weeks).toHaveLength(6);
    expect(g.weeks[0].days.map((d) => d.date)).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(g.weeks[0].days.map((d) => d.inMonth)).toEqual([false, false, false, false, false, false, true]);
    expect(g.weeks.at(-1)!.days.map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    // From Amsterdam's midnight (winter time since 25 October) to the one after the last day.
    expect(g.window).toEqual({ from: '2026-10-25T23:00:00.000Z', to: '2026-12-06T23:00:00.000Z' });
    expect(g.weeks.flatMap((w) => w.days).filter((d) => d.today)).toEqual([
      { date: '2026-11-02', inMonth: true, today: true },
    ]);
    expect([g.prev, g.next]).toEqual(['2026-10', '2026-12']);
  });

  it('has exactly four weeks for a February that starts on a Monday, and steps over the year', () => {
    const g = monthGrid('2027-02', '2026-11-02');
    expect(g.weeks.map((w) => w.days[0].date)).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']);
    expect(g.weeks.flatMap((w) => w.days).every((d) => d.inMonth && !d.today)).toBe(true);
    expect(monthGrid('2027-01', '2026-11-02').prev).toBe('2026-12');
    expect(monthGrid('2026-12', '2026-11-02').next).toBe('2027-01');
  });

  it('holds the window of March 2027 across the start of summer time', () => {
    const g = monthGrid('2027-03', '2026-11-02');
    // Monday 1 March 00:00 CET to Monday 5 April 00:00 CEST.
    expect(g.window).toEqual({ from: '2027-02-28T23:00:00.000Z', to: '2027-04-04T22:00:00.000Z' });
  });
});

describe('the week grid', () => {
  it('is the 167 hours from Monday to Sunday of the week summer time starts (28 March 2027)', () => {
    const g = weekGrid('2027-03-25', '2027-03-28');
    expect(g.monday).toBe('2027-03-22');
    expect(g.days.map((d) => d.date)).toEqual([
      '2027-03-22',
      '2027-03-23',
      '2027-03-24',
      '2027-03-25',
      '2027-03-26',
      '2027-03-27',
      '2027-03-28',
    ]);
    expect(g.window).toEqual({ from: '2027-03-21T23:00:00.000Z', to: '2027-03-28T22:00:00.000Z' });
    expect(hours(g.window)).toBe(167);
    expect(g.days.find((d) => d.today)?.date).toBe('2027-03-28');
    expect([g.prev, g.next]).toEqual(['2027-03-15', '2027-03-29']);
  });

  it('is 169 hours the week summer time ends (31 October 2027)', () => {
    const g = weekGrid('2027-10-31', '2026-11-02');
    expect(g.monday).toBe('2027-10-25');
    expect(hours(g.window)).toBe(169);
    expect(g.days.some((d) => d.today)).toBe(false);
  });

  it('numbers weeks as ISO 8601 does (2026 has a week 53)', () => {
    expect(weekGrid('2026-12-31', '2026-11-02').week).toBe(53);
    expect(weekGrid('2027-01-04', '2026-11-02').week).toBe(1);
    expect(weekGrid('2026-12-09', '2026-11-02').week).toBe(50);
  });
});

describe('entries on their Amsterdam day', () => {
  it('puts a moment on the day it falls in Amsterdam, not in UTC, in summer and in winter', () => {
    // 23:30 on Sunday 28 March 2027 in summer time is 21:30 UTC; 00:30 on Monday is 22:30 UTC.
    expect(dayOf('2027-03-28T21:30:00Z')).toBe('2027-03-28');
    expect(dayOf('2027-03-28T22:30:00Z')).toBe('2027-03-29');
    // In winter Amsterdam is an hour ahead: 23:30 UTC on the 18th is already the 19th.
    expect(dayOf('2026-11-18T23:30:00Z')).toBe('2026-11-19');
    expect(dayOf('2026-11-19T00:30:00+01:00')).toBe('2026-11-19');
    const week = weekGrid('2027-03-28', '2026-11-02');
    const late = '2027-03-28T21:30:00Z';
    expect(Date.parse(late) < Date.parse(week.window.to)).toBe(true);
    const days = byDay([{ start: late }, { start: '2027-03-28T22:30:00Z' }, { start: '2027-03-22T08:00:00+01:00' }]);
    expect([...days.keys()]).toEqual(['2027-03-28', '2027-03-29', '2027-03-22']);
  });
});

describe('what the page accepts as a date', () => {
  it('takes real dates and months only', () => {
    expect([isDate('2028-02-29'), isDate('2027-02-29'), isDate('2026-13-01'), isDate('x'), isDate(undefined)]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([isMonth('2026-12'), isMonth('2026-00'), isMonth('2026-1'), isMonth('2026-12-01')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
