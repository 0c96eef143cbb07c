/**
 * A body's meeting series (e.g. the kerngroep, "second Tuesday of the month, 19:00–21:00") and
 * its occurrences. The recurrence rule (RFC 5545 RRULE) is read by the rrule library on wall-clock
 * time — dates that carry Amsterdam's clock reading, not an instant — and only then placed in
 * Europe/Amsterdam, so 19:00 stays 19:00 across the changes to and from summer time.
 * Occurrences can be moved, cancelled, or added one-off; each keeps the key of its original date,
 * which names its workflow and its calendar UID.
 */
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addMinutes } from 'date-fns/addMinutes';
import { isValid } from 'date-fns/isValid';
import * as rrulePackage from 'rrule';
import { isoDate, isoWithOffset, wallClock, ZONE, zoned } from '../../platform/time';

export interface LeadTimes {
  /** Days before the meeting: the call for agenda items goes out. */
  callDays: number;
  /** Days before the agenda deadline: theme groups that sent nothing are reminded. */
  agendaReminderDays: number;
  /** Days before the meeting: the agenda closes and is compiled. */
  agendaDeadlineDays: number;
  /** Days after the meeting: the secretary's minutes are due. */
  minutesDays: number;
  /** Days members have to object to the draft minutes. */
  reviewDays: number;
}

export const DEFAULT_LEAD_TIMES: LeadTimes = {
  callDays: 14,
  agendaReminderDays: 3,
  agendaDeadlineDays: 7,
  minutesDays: 3,
  reviewDays: 5,
};

export interface MeetingSeries {
  id: string;
  bodyId: string;
  title: string;
  /** RFC 5545 recurrence rule without DTSTART, e.g. "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2". */
  rrule: string;
  /** First date the rule may produce (Amsterdam calendar date). */
  startsOn: string;
  /** Local wall-clock time in Amsterdam, "HH:mm". */
  startTime: string;
  durationMinutes: number;
  location?: string;
  onlineUrl?: string;
  chairId: string;
  secretaryId: string;
  leadTimes: LeadTimes;
  /** Changes to single occurrences, by the key (original date) of the occurrence. */
  moved: Record<string, { start: string; location?: string }>;
  cancelled: Record<string, { reason: string; at: string }>;
  /** One-off extra meetings: their start, also used as their key's date. */
  added: string[];
  /** Stopped series plan no new meetings; their history stays. */
  status: 'active' | 'stopped';
  createdAt: string;
  createdBy: string;
  /** Made under an Idempotency-Key: the hash of the request that made it (platform/keyed-create.ts). */
  requestHash?: string;
  version: number;
}

export interface Occurrence {
  /** The original date, YYYY-MM-DD: names the workflow and the calendar UID. */
  key: string;
  start: string;
  end: string;
  location?: string;
  status: 'planned' | 'moved' | 'cancelled' | 'added';
}

// rrule ships CommonJS for Node (named exports only under `default`) and ESM for bundlers: take it from either.
// Read through a plain object, so that esbuild (bundling the ESM build) does not warn of the missing `default`.
const rruleModule: { RRule?: typeof rrulePackage.RRule; default?: typeof rrulePackage } = { ...rrulePackage };
const RRule: typeof rrulePackage.RRule = rruleModule.RRule ?? rruleModule.default!.RRule;

const RULE_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);

/** The rule, or the reason it cannot be used. DTSTART and UNTIL-with-zone belong to the series, not the rule. */
export function checkRule(rule: string): string | null {
  if (!/^[A-Z0-9=;,+-]+$/.test(rule) || /DTSTART|TZID/.test(rule))
    return 'use an RRULE such as FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2, without DTSTART';
  // rrule's parser passes over some nonsense (BYDAY=XX): check the parts a meeting rule may have first.
  const parts = rule.split(';').map((p) => p.split('='));
  if (parts.some(([k, v]) => !RULE_PARTS.has(k) || !v)) return `a meeting rule may use ${[...RULE_PARTS].join(', ')}`;
  const value = (k: string) => parts.find(([x]) => x === k)?.[1];
  for (const k of ['INTERVAL', 'COUNT'])
    if (value(k) !== undefined && !/^[1-9]\d{0,2}$/.test(value(k)!)) return `${k} must be a whole number from 1`;
  const bymonth = value('BYMONTH');
  if (bymonth && !bymonth.split(',').every((m) => /^([1-9]|1[0-2])$/.test(m))) return 'BYMONTH takes months 1 to 12';
  const byday = value('BYDAY');
  if (byday && !byday.split(',').every((d) => /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.test(d)))
    return 'BYDAY takes days such as TU or 2TU';
  try {
    const options = RRule.parseString(rule);
    if (options.freq === undefined) return 'the rule needs FREQ';
    // Weekly and monthly for the kerngroep and the theme groups; yearly (and monthly every six months)
    // for the board's budget meeting and the half-yearly advice (issue #14).
    if (![RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY].includes(options.freq))
      return 'meetings repeat weekly, monthly or yearly';
    // A rule must give meetings: at least one in the first two years.
    const start = new Date(Date.UTC(2027, 0, 1, 19));
    if (
      new RRule({ ...options, dtstart: start }).between(start, new Date(Date.UTC(2029, 0, 1)), true, (_d, i) => i < 1)
        .length === 0
    )
      return 'this rule gives no meetings';
    return null;
  } catch {
    return 'this is not a valid RRULE';
  }
}

/** A wall-clock reading as a Date whose UTC fields carry it (how rrule wants floating times). */
function floating(local: TZDate): Date {
  return new Date(
    Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes()),
  );
}

function fromFloating(d: Date): TZDate {
  return new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), ZONE);
}

/** Occurrences whose start lies in [from, to), in order, with moves, cancellations and additions applied. */
export function occurrences(series: MeetingSeries, fromIso: string, toIso: string): Occurrence[] {
  const [hour, minute] = series.startTime.split(':').map(Number);
  const first = wallClock(series.startsOn, hour, minute);
  const rule = new RRule({ ...RRule.parseString(series.rrule), dtstart: floating(first) });
  const from = zoned(fromIso);
  const to = zoned(toIso);
  // Look a day beyond each end in wall time, then filter on real instants (the offset differs by an hour at most).
  const planned = rule.between(floating(addDays(from, -1)), floating(addDays(to, 1)), true).map(fromFloating);
  const end = (start: TZDate) => addMinutes(start, series.durationMinutes);
  const out: Occurrence[] = [];
  for (const start of planned) {
    const key = isoDate(start);
    const moved = series.moved[key];
    const at = moved ? zoned(moved.start) : start;
    const status = series.cancelled[key] ? 'cancelled' : moved ? 'moved' : 'planned';
    out.push({
      key,
      start: isoWithOffset(at),
      end: isoWithOffset(end(at)),
      location: moved?.location ?? series.location,
      status,
    });
  }
  for (const extra of series.added) {
    const original = zoned(extra);
    const key = extraKey(original);
    const moved = series.moved[key];
    const at = moved ? zoned(moved.start) : original;
    out.push({
      key,
      start: isoWithOffset(at),
      end: isoWithOffset(end(at)),
      location: moved?.location ?? series.location,
      status: series.cancelled[key] ? 'cancelled' : moved ? 'moved' : 'added',
    });
  }
  // Meetings moved into the window from a date outside it (more than a day away).
  for (const [key, move] of Object.entries(series.moved)) {
    if (out.some((o) => o.key === key) || /-x\d{4}$/.test(key)) continue;
    const original = wallClock(key, hour, minute);
    if (!isValid(original) || !rule.between(floating(original), floating(original), true).length) continue;
    const at = zoned(move.start);
    out.push({
      key,
      start: isoWithOffset(at),
      end: isoWithOffset(end(at)),
      location: move.location ?? series.location,
      status: series.cancelled[key] ? 'cancelled' : 'moved',
    });
  }
  return out
    .filter((o) => Date.parse(o.start) >= from.getTime() && Date.parse(o.start) < to.getTime())
    .sort((a, b) => a.start.localeCompare(b.start));
}

/** A one-off meeting's key: its date and time, so two on one day stay apart. */
export const extraKey = (start: Date) => {
  const local = zoned(start);
  const hhmm = `${String(local.getHours()).padStart(2, '0')}${String(local.getMinutes()).padStart(2, '0')}`;
  return `${isoDate(local)}-x${hhmm}`;
};

/** The occurrence with this key, wherever it was moved to, or null if the series never has it. */
export function occurrenceByKey(series: MeetingSeries, key: string): Occurrence | null {
  const date = wallClock(key.replace(/-x\d{4}$/, ''));
  if (!isValid(date)) return null;
  const moved = series.moved[key] ? zoned(series.moved[key].start) : date;
  const from = addDays(moved < date ? moved : date, -2);
  const to = addDays(moved > date ? moved : date, 2);
  return occurrences(series, isoWithOffset(from), isoWithOffset(to)).find((o) => o.key === key) ?? null;
}

/** A meeting's id: its series and its occurrence key (the date), so planning twice makes it once. */
export const meetingIdOf = (seriesId: string, key: string): string => `${seriesId}--${key}`;
