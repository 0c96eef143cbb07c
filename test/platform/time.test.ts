/**
 * The product's date handling (platform/time.ts, platform/iso-duration.ts: @date-fns/tz, date-fns and
 * Intl) read against luxon, which the functions used before and the tests keep as their reference:
 * the same dates, texts and durations for any instant, most of all around the changes to and from
 * summer time. The one place they part is written down: a date and wall-clock time given in the hour
 * that comes twice (luxon's reading of it depended on the day it ran).
 */
import { addMinutes } from 'date-fns/addMinutes';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import fc from 'fast-check';
import { DateTime, Duration, Settings } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from '../../functions/flows/console/round-form';
import { durationMs, parseIsoDuration } from '../../functions/platform/iso-duration';
import {
  addIsoDuration,
  formatDateTime,
  isIsoDateTimeWithOffset,
  isIsoDuration,
  isoDate,
  isoDurationBefore,
  isoWithOffset,
  relativeTime,
  utcIso,
  wallClock,
  ZONE,
  zoned,
} from '../../functions/platform/time';

const HOUR = 3_600_000;
// The Lambda runtime's zone, which luxon's DateTime.fromISO read times in before.
let systemZone: typeof Settings.defaultZone;
beforeAll(() => {
  systemZone = Settings.defaultZone;
  Settings.defaultZone = 'UTC';
});
afterAll(() => {
  Settings.defaultZone = systemZone;
});

/** Instants from 2020 to 2035, half of them within a day of a change of summer time. */
/** The last Sunday of the month, 01:00 UTC: when Amsterdam's clock changes (March and October). */
const lastSunday = (year: number, month: number) => {
  const day = new Date(Date.UTC(year, month, 31, 1));
  while (day.getUTCDay() !== 0) day.setUTCDate(day.getUTCDate() - 1);
  return day.getTime();
};
const changes = [2024, 2025, 2026, 2027, 2028].flatMap((y) => [lastSunday(y, 2), lastSunday(y, 9)]);
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
  fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -26 * HOUR, max: 26 * HOUR }))
    .map(([c, d]) => Math.round((c + d) / 60_000) * 60_000),
);
/** Is this Amsterdam wall-clock reading one that occurs twice (the last hour of summer time, repeated)? */
const repeated = (ms: number) => {
  const t = DateTime.fromMillis(ms).setZone(ZONE);
  return t.minus({ hours: 1 }).offset !== t.offset || t.plus({ hours: 1 }).offset !== t.offset;
};

const isoDuration = fc
  .record({
    negative: fc.boolean(),
    parts: fc.array(
      fc.record({
        unit: fc.constantFrom('Y', 'M', 'W', 'D', 'H', 'TM', 'S'),
        n: fc.integer({ min: -3, max: 400 }),
        fraction: fc.option(fc.integer({ min: 1, max: 999 }), { freq: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ negative, parts }) => {
    const order = ['Y', 'M', 'W', 'D', 'H', 'TM', 'S'] as const;
    const seen = new Map(parts.map((p) => [p.unit, p]));
    const text = (u: (typeof order)[number]) => {
      const p = seen.get(u);
      return p ? `${p.n}${p.fraction ? `.${p.fraction}` : ''}${u === 'TM' ? 'M' : u}` : '';
    };
    const date = order.slice(0, 4).map(text).join('');
    const time = order.slice(4).map(text).join('');
    return `${negative ? '-' : ''}P${date}${time ? `T${time}` : ''}`;
  });

describe('times in Amsterdam, as luxon read them', () => {
  it('formats any instant in Dutch and English exactly as before', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('nl' as const, 'en' as const), (ms, lang) => {
        const iso = new Date(ms).toISOString();
        const dt = DateTime.fromISO(iso)
          .setZone(ZONE)
          .setLocale(lang === 'nl' ? 'nl' : 'en-GB');
        const before =
          lang === 'nl' ? dt.toFormat("cccc d LLLL yyyy 'om' HH:mm 'uur'") : dt.toFormat("cccc d LLLL yyyy 'at' HH:mm");
        expect(formatDateTime(iso, lang)).toBe(before);
      }),
      { numRuns: 2000 },
    );
    expect(formatDateTime('2027-01-12T18:00:00Z', 'nl')).toBe('dinsdag 12 januari 2027 om 19:00 uur');
    expect(formatDateTime('2027-07-13T17:00:00Z', 'en')).toBe('Tuesday 13 July 2027 at 19:00');
  });

  it('writes instants with their Amsterdam offset as luxon did, and reads dates and datetime-local fields the same', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(isoWithOffset(zoned(iso))).toBe(DateTime.fromMillis(ms).setZone(ZONE).toISO());
        expect(isoDate(zoned(ms))).toBe(DateTime.fromMillis(ms).setZone(ZONE).toISODate());
        expect(toLocalInput(iso)).toBe(DateTime.fromISO(iso).setZone(ZONE).toFormat("yyyy-LL-dd'T'HH:mm"));
        const local = toLocalInput(iso);
        const dt = DateTime.fromISO(local, { zone: ZONE });
        const before = dt.isValid && dt.toFormat("yyyy-LL-dd'T'HH:mm") === local ? dt.toISO() : null;
        if (!repeated(ms)) expect(fromLocalInput(local)).toBe(before);
      }),
      { numRuns: 2000 },
    );
    // The hour skipped in March is refused, not moved; 25:00 and 30 February are no times.
    expect(fromLocalInput('2027-03-28T02:30')).toBeNull();
    expect(fromLocalInput('2027-01-12T25:00')).toBeNull();
    expect(fromLocalInput('2027-02-30T10:00')).toBeNull();
    expect(fromLocalInput('2027-03-28T03:30')).toBe('2027-03-28T03:30:00.000+02:00');
  });

  it('places a date and wall-clock time in Amsterdam as luxon did; a time that comes twice is the winter one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (ms, hour, minute) => {
          const date = new Date(ms).toISOString().slice(0, 10);
          const before = DateTime.fromISO(date, { zone: ZONE }).set({ hour, minute });
          if (!repeated(before.toMillis())) expect(wallClock(date, hour, minute).getTime()).toBe(before.toMillis());
        },
      ),
      { numRuns: 3000 },
    );
    // 02:30 on 31 October 2027 comes twice: the second time, in winter time (+01:00).
    expect(utcIso(wallClock('2027-10-31', 2, 30))).toBe('2027-10-31T01:30:00.000Z');
    // 02:30 on 28 March 2027 never comes: the clock reads 03:30 summer time then.
    expect(isoWithOffset(wallClock('2027-03-28', 2, 30))).toBe('2027-03-28T03:30:00.000+02:00');
    expect(Number.isNaN(wallClock('2027-02-29', 17).getTime())).toBe(true);
    expect(Number.isNaN(wallClock('2027-1-5', 17).getTime())).toBe(true);
    expect(utcIso(wallClock('2028-02-29', 17))).toBe('2028-02-29T16:00:00.000Z');
  });

  it('counts calendar days in Amsterdam as luxon did (today, tomorrow or later for a meeting)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -3 * 24 * HOUR, max: 10 * 24 * HOUR }), (now, ahead) => {
        const start = now + ahead;
        const day = (d: DateTime) => d.setZone(ZONE).startOf('day');
        const before = Math.round(day(DateTime.fromMillis(start)).diff(day(DateTime.fromMillis(now)), 'days').days);
        expect(differenceInCalendarDays(zoned(start), zoned(now))).toBe(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('says how far a deadline is in the words luxon chose ("over 3 dagen", "2 hours ago")', () => {
    fc.assert(
      fc.property(
        instant,
        fc.oneof(
          fc.integer({ min: -400 * 24 * HOUR, max: 400 * 24 * HOUR }),
          fc.integer({ min: -2 * HOUR, max: 2 * HOUR }),
        ),
        fc.constantFrom('nl' as const, 'en' as const),
        (base, ahead, lang) => {
          const iso = new Date(base + ahead).toISOString();
          const before = DateTime.fromISO(iso).toRelative({ base: DateTime.fromMillis(base), locale: lang }) ?? '';
          expect(relativeTime(iso, new Date(base), lang)).toBe(before);
        },
      ),
      { numRuns: 3000 },
    );
    expect(relativeTime('2027-01-15T12:00:00Z', new Date('2027-01-12T10:00:00Z'), 'nl')).toBe('over 3 dagen');
    expect(relativeTime('2027-03-31T12:00:00Z', new Date('2027-01-31T12:00:00Z'), 'en')).toBe('in 2 months');
    expect(relativeTime('not a date', new Date(), 'en')).toBe('');
  });

  it('accepts the date-times with offset that luxon accepted, and no 30 February or 25:00', () => {
    const field = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const candidate = fc
      .tuple(
        fc.integer({ min: 2020, max: 2035 }),
        field(13),
        field(32),
        field(25),
        field(60),
        fc.option(field(60)),
        fc.option(fc.integer({ min: 0, max: 999 })),
        fc.constantFrom('Z', '+01:00', '+02:00', '-05:30', '+14:00'),
      )
      .map(
        ([y, mo, d, h, mi, s, ms, off]) =>
          `${y}-${mo}-${d}T${h}:${mi}${s === null ? '' : `:${s}${ms === null ? '' : `.${ms}`}`}${off}`,
      );
    fc.assert(
      fc.property(candidate, (value) => {
        const before =
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          DateTime.fromISO(value, { setZone: true }).isValid;
        expect(isIsoDateTimeWithOffset(value), value).toBe(before);
      }),
      { numRuns: 3000 },
    );
    expect(isIsoDateTimeWithOffset('2026-09-24T17:00:00+02:00')).toBe(true);
    expect(isIsoDateTimeWithOffset('2026-02-30T17:00:00+01:00')).toBe(false);
    expect(isIsoDateTimeWithOffset('2026-09-24T17:00:00')).toBe(false);
  });
});

describe('ISO 8601 durations, as luxon read them', () => {
  it('reads the same durations, of the same length', () => {
    fc.assert(
      fc.property(isoDuration, (text) => {
        const d = Duration.fromISO(text);
        const parsed = parseIsoDuration(text);
        expect(parsed !== null, text).toBe(d.isValid);
        if (parsed) expect(durationMs(parsed)).toBeCloseTo(d.as('milliseconds'), 3);
        expect(isIsoDuration(text), text).toBe(d.isValid && d.as('milliseconds') > 0);
      }),
      { numRuns: 3000 },
    );
    for (const text of ['P', 'PT', 'P1', '1D', 'P1D ', 'xP1D', 'P1DT', 'P1.5.5D', 'PT1,5S', 'P-1D', '-P-1D', 'PT0.5S'])
      expect(parseIsoDuration(text) !== null, text).toBe(Duration.fromISO(text).isValid);
    expect(isIsoDuration('P2D')).toBe(true);
    expect(isIsoDuration('PT0S')).toBe(false);
    expect(isIsoDuration('-P1D')).toBe(false);
  });

  it('adds and subtracts on the zone calendar as luxon did: P1D keeps the wall-clock time across summer time', () => {
    fc.assert(
      fc.property(instant, isoDuration, (ms, text) => {
        if (!Duration.fromISO(text).isValid) return;
        const before = DateTime.fromMillis(ms).setZone(ZONE).plus(Duration.fromISO(text));
        // Dates the product can meet: Amsterdam's offsets before 1940 had seconds in them.
        const sensible = (t: DateTime) => t.isValid && t.year >= 1970 && t.year < 2200;
        if (!sensible(before)) return;
        // Within a millisecond: luxon kept fractions of one that a Date cannot hold (P0.1Y).
        const same = (ours: number | string | null, theirs: DateTime) =>
          expect(
            Math.abs(Number(typeof ours === 'string' ? Date.parse(ours) : ours) - theirs.toMillis()),
            text,
          ).toBeLessThan(1);
        same(addIsoDuration(new Date(ms), text).getTime(), before);
        const iso = new Date(ms).toISOString();
        const inUtc = DateTime.fromISO(iso).minus(Duration.fromISO(text));
        if (sensible(inUtc)) same(isoDurationBefore(iso, text, 'UTC'), inUtc);
        const inZone = DateTime.fromISO(iso).setZone(ZONE).minus(Duration.fromISO(text));
        if (sensible(inZone)) same(isoDurationBefore(iso, text, ZONE), inZone);
        // Whole durations (all that people give) to the millisecond, as the same ISO text.
        if (!/[.,]/.test(text) && sensible(inUtc))
          expect(isoDurationBefore(iso, text, 'UTC')).toBe(inUtc.toUTC().toISO());
      }),
      { numRuns: 5000 },
    );
    // Saturday 27 March 2027 17:00 winter time + P1D: Sunday 17:00 summer time, 23 hours later.
    expect(isoWithOffset(zoned(addIsoDuration(new Date('2027-03-27T16:00:00Z'), 'P1D')))).toBe(
      '2027-03-28T17:00:00.000+02:00',
    );
    expect(addIsoDuration(new Date('2027-03-27T16:00:00Z'), 'PT24H').toISOString()).toBe('2027-03-28T16:00:00.000Z');
    // Saturday 30 October 2027 02:30 summer time + P1D: the first 02:30 of Sunday (still summer time), 24 hours on.
    expect(addIsoDuration(new Date('2027-10-30T00:30:00Z'), 'P1D').toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(addIsoDuration(new Date('2027-11-01T01:30:00Z'), '-P1D').toISOString()).toBe('2027-10-31T01:30:00.000Z');
    // A month from 31 January is the last day of February.
    expect(isoDurationBefore('2027-03-31T10:00:00Z', 'P1M', 'UTC')).toBe('2027-02-28T10:00:00.000Z');
    // No duration, or one too large for a date: no moment.
    expect(isoDurationBefore('2027-03-31T10:00:00Z', 'P300000Y', 'UTC')).toBeNull();
    expect(isoDurationBefore('2027-03-31T10:00:00Z', 'soon', 'UTC')).toBeNull();
    expect(Number.isNaN(addIsoDuration(new Date(), 'soon').getTime())).toBe(true);
    expect(utcIso(addMinutes(zoned('2027-10-31T00:30:00Z'), 60))).toBe('2027-10-31T01:30:00.000Z');
  });
});
