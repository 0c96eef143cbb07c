import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, dutchPublicHolidays, isWorkingDay } from '../../functions/platform/working-days';

describe('Dutch working days', () => {
  it('knows the public holidays of the Algemene termijnenwet, with Easter-based days moving each year', () => {
    expect(dutchPublicHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-05 Eerste Paasdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-24 Eerste Pinksterdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
    // 2025: Koningsdag on Saturday 26 April because the 27th is a Sunday.
    expect(dutchPublicHolidays(2025).find((h) => h.name === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(dutchPublicHolidays(2027).find((h) => h.name === 'Tweede Paasdag')?.date).toBe('2027-03-29');
  });

  it('skips weekends and holidays, keeping the Amsterdam wall-clock time across DST', () => {
    // Thursday 24 December 2026, 10:00 → Friday 25 and Saturday 26 are holidays/weekend → Monday 28.
    expect(addWorkingDays('2026-12-24T10:00:00+01:00', 1).toISOString()).toBe('2026-12-28T09:00:00.000Z');
    // Friday 27 March 2026 10:00 CET + 1 working day = Monday 30 March 10:00 CEST.
    expect(addWorkingDays('2026-03-27T10:00:00+01:00', 1).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // Hemelvaart: Wednesday 13 May 2026 + 1 → Friday 15 May.
    expect(addWorkingDays('2026-05-13T09:00:00+02:00', 1).toISOString()).toBe('2026-05-15T07:00:00.000Z');
    expect(addWorkingDays('2026-12-26T09:00:00+01:00', 0).toISOString()).toBe('2026-12-28T08:00:00.000Z');
    expect(() => addWorkingDays('2026-12-26T09:00:00+01:00', -1)).toThrow(RangeError);
  });

  it('always lands on a working day, never earlier than the start, and n+1 lands after n', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        (from, n) => {
          const a = addWorkingDays(from, n);
          expect(isWorkingDay(a)).toBe(true);
          expect(a.getTime()).toBeGreaterThan(from.getTime());
          expect(addWorkingDays(from, n + 1).getTime()).toBeGreaterThan(a.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});
