import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { meetingIcs, meetingPageNote, meetingUid, type MeetingInvite } from '../../../functions/flows/meeting/ics';
import {
  checkRule,
  DEFAULT_LEAD_TIMES,
  occurrenceByKey,
  occurrences,
  type MeetingSeries,
} from '../../../functions/flows/meeting/series';

const kerngroep: MeetingSeries = {
  id: 'ms-kerngroep',
  bodyId: 'kerngroep-de-punt',
  title: 'Kerngroep De Punt',
  rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
  startsOn: '2027-01-01',
  startTime: '19:00',
  durationMinutes: 120,
  location: 'Buurthuis De Punt',
  chairId: 'p-samira-amrani',
  secretaryId: 'p-ineke-smit',
  leadTimes: DEFAULT_LEAD_TIMES,
  moved: {},
  cancelled: {},
  added: [],
  status: 'active',
  createdAt: '2026-11-01T00:00:00Z',
  createdBy: 'office',
  version: 1,
};
const local = (iso: string) => DateTime.fromISO(iso).setZone('Europe/Amsterdam');

describe('meeting series', () => {
  it('gives the second Tuesday of every month at 19:00 Amsterdam time, in summer and in winter', () => {
    const year = occurrences(kerngroep, '2027-01-01T00:00:00+01:00', '2028-01-01T00:00:00+01:00');
    expect(year).toHaveLength(12);
    for (const o of year) {
      const t = local(o.start);
      expect([t.weekday, t.hour, t.minute]).toEqual([2, 19, 0]);
      expect(t.day).toBeGreaterThanOrEqual(8);
      expect(t.day).toBeLessThanOrEqual(14);
      expect(local(o.end).hour).toBe(21);
    }
    // Before and after the change to summer time (28 March 2027) the instant moves, the wall clock does not.
    expect(year[2].start).toBe('2027-03-09T19:00:00.000+01:00');
    expect(year[3].start).toBe('2027-04-13T19:00:00.000+02:00');
    expect(year.map((o) => o.key).slice(0, 3)).toEqual(['2027-01-12', '2027-02-09', '2027-03-09']);
  });

  it('keeps a weekly meeting at its hour in the week summer time ends', () => {
    const weekly = { ...kerngroep, rrule: 'FREQ=WEEKLY;BYDAY=MO', startsOn: '2027-10-01' };
    const [before, after] = occurrences(weekly, '2027-10-25T00:00:00+02:00', '2027-11-02T00:00:00+01:00');
    expect(before.start).toBe('2027-10-25T19:00:00.000+02:00');
    expect(after.start).toBe('2027-11-01T19:00:00.000+01:00');
    expect(Date.parse(after.start) - Date.parse(before.start)).toBe(7 * 86400_000 + 3600_000);
  });

  it("applies moves, cancellations and one-off meetings, keeping each occurrence's key", () => {
    const changed = {
      ...kerngroep,
      moved: { '2027-02-09': { start: '2027-02-16T19:30:00+01:00', location: 'Bibliotheek' } },
      cancelled: { '2027-03-09': { reason: 'Geen agendapunten', at: '2027-02-20T10:00:00Z' } },
      added: ['2027-03-23T19:00:00+01:00'],
    };
    const spring = occurrences(changed, '2027-02-01T00:00:00+01:00', '2027-04-01T00:00:00+02:00');
    expect(spring.map((o) => [o.key, o.status, local(o.start).toFormat('dd-LL HH:mm'), o.location])).toEqual([
      ['2027-02-09', 'moved', '16-02 19:30', 'Bibliotheek'],
      ['2027-03-09', 'cancelled', '09-03 19:00', 'Buurthuis De Punt'],
      ['2027-03-23-x1900', 'added', '23-03 19:00', 'Buurthuis De Punt'],
    ]);
    expect(occurrenceByKey(changed, '2027-02-09')?.status).toBe('moved');
    expect(occurrenceByKey(changed, '2027-03-23-x1900')?.status).toBe('added');
    // Moved three weeks away, it is found in the window of its new date.
    const far = { ...kerngroep, moved: { '2027-03-09': { start: '2027-03-30T19:00:00+02:00' } } };
    expect(
      occurrences(far, '2027-03-25T00:00:00+01:00', '2027-04-05T00:00:00+02:00').map((o) => [o.key, o.status]),
    ).toEqual([['2027-03-09', 'moved']]);
    expect(occurrences(far, '2027-03-01T00:00:00+01:00', '2027-03-20T00:00:00+01:00')).toEqual([]);
    expect(occurrenceByKey(changed, '2027-02-10')).toBeNull();
  });

  it('repeats yearly and half-yearly: the board sets the budget each year and hears advice each half year', () => {
    // The third Tuesday of June, yearly; the second Tuesday of March and September; every six months.
    for (const rule of [
      'FREQ=YEARLY;BYMONTH=6;BYDAY=TU;BYSETPOS=3',
      'FREQ=MONTHLY;BYMONTH=3,9;BYDAY=TU;BYSETPOS=2',
      'FREQ=MONTHLY;INTERVAL=6;BYDAY=TU;BYSETPOS=2',
    ])
      expect(checkRule(rule), rule).toBeNull();
    const budget = { ...kerngroep, rrule: 'FREQ=YEARLY;BYMONTH=6;BYDAY=TU;BYSETPOS=3' };
    expect(occurrences(budget, '2027-01-01T00:00:00+01:00', '2029-01-01T00:00:00+01:00').map((o) => o.start)).toEqual([
      '2027-06-15T19:00:00.000+02:00',
      '2028-06-20T19:00:00.000+02:00',
    ]);
    // Monthly, in March and September only: with FREQ=YEARLY, BYSETPOS would pick from the whole year's
    // Tuesdays of both months (RFC 5545), one meeting a year.
    const advice = { ...kerngroep, rrule: 'FREQ=MONTHLY;BYMONTH=3,9;BYDAY=TU;BYSETPOS=2' };
    expect(occurrences(advice, '2027-01-01T00:00:00+01:00', '2028-01-01T00:00:00+01:00').map((o) => o.start)).toEqual([
      '2027-03-09T19:00:00.000+01:00',
      '2027-09-14T19:00:00.000+02:00',
    ]);
    for (const bad of ['FREQ=YEARLY;BYMONTH=13', 'FREQ=YEARLY;BYMONTH=0', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'])
      expect(checkRule(bad), bad).not.toBeNull();
  });

  it('accepts meeting rules and refuses what is not one', () => {
    expect(checkRule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2')).toBeNull();
    expect(checkRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE')).toBeNull();
    for (const bad of [
      '',
      'every tuesday',
      'FREQ=SECONDLY',
      'FREQ=DAILY',
      'DTSTART:20270101T190000;FREQ=WEEKLY',
      'FREQ=MONTHLY;BYDAY=XX',
      'BYDAY=TU',
      'FREQ=WEEKLY;INTERVAL=-1',
      'FREQ=WEEKLY;INTERVAL=0',
      'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2',
      'FREQ=MONTHLY;BYMONTHDAY=30;BYSETPOS=5',
    ])
      expect(checkRule(bad), bad).not.toBeNull();
  });
});

const parse = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const tz = calendar.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(tz);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, tz, vevent, event: new ICAL.Event(vevent) };
};

describe('calendar invitation', () => {
  const invite = (over: Partial<MeetingInvite> = {}): MeetingInvite => ({
    uid: meetingUid('ms-kerngroep', '2027-10-26', 'alliance-cycle.example.org'),
    sequence: 0,
    method: 'REQUEST',
    start: '2027-10-26T19:00:00+02:00',
    end: '2027-10-26T21:00:00+02:00',
    title: 'Kerngroep De Punt',
    description: 'Agenda:\n1. Opening',
    location: 'Buurthuis De Punt',
    url: 'https://example.org/m/abc',
    organizer: { name: 'Programmabureau', email: 'programmabureau@example.org' },
    attendee: { name: 'Ruben Kok', email: 'ruben.kok@example.org' },
    stamp: '2027-10-12T08:00:00Z',
    ...over,
  });

  it('is valid iCalendar a real parser reads: time in Europe/Amsterdam with its VTIMEZONE, one attendee', () => {
    const { calendar, tz, vevent, event } = parse(meetingIcs(invite()));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(tz.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    expect(tz.getAllSubcomponents('daylight')).toHaveLength(1);
    expect(tz.getAllSubcomponents('standard')).toHaveLength(1);
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(event.uid).toBe('ms-kerngroep-2027-10-26@alliance-cycle.example.org');
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Kerngroep De Punt');
    expect(event.location).toBe('Buurthuis De Punt');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-10-26T17:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-10-26T19:00:00.000Z');
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      'mailto:ruben.kok@example.org',
    ]);
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:programmabureau@example.org');
  });

  it('stamps in UTC (DTSTAMP with Z) and asks for no reply that nothing would read', () => {
    const ics = meetingIcs(invite());
    expect(ics).toContain('\r\nDTSTAMP:20271012T080000Z\r\n');
    const { vevent } = parse(ics);
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect([stamp.zone?.tzid, stamp.toJSDate().toISOString()]).toEqual(['UTC', '2027-10-12T08:00:00.000Z']);
    expect(vevent.getFirstProperty('attendee')!.getParameter('rsvp')).toBeUndefined();
    expect(meetingPageNote('nl', 'https://x/m/abc')).toMatch(/niet komen[\s\S]*https:\/\/x\/m\/abc/);
    expect(meetingPageNote('en', 'https://x/m/abc')).toMatch(/cannot come[\s\S]*https:\/\/x\/m\/abc/i);
  });

  it('places meetings on both sides of the end of summer time at 19:00 local', () => {
    const { event: summer } = parse(meetingIcs(invite()));
    const { event: winter } = parse(
      meetingIcs(
        invite({
          uid: meetingUid('ms-kerngroep', '2027-11-02', 'x'),
          start: '2027-11-02T19:00:00+01:00',
          end: '2027-11-02T21:00:00+01:00',
        }),
      ),
    );
    expect(summer.startDate.toJSDate().toISOString()).toBe('2027-10-26T17:00:00.000Z');
    expect(winter.startDate.toJSDate().toISOString()).toBe('2027-11-02T18:00:00.000Z');
    expect([summer.startDate.hour, winter.startDate.hour]).toEqual([19, 19]);
  });

  it('updates and cancels the same entry: same UID, higher SEQUENCE, METHOD:CANCEL', () => {
    const moved = parse(
      meetingIcs(invite({ sequence: 1, start: '2027-10-27T19:30:00+02:00', end: '2027-10-27T21:30:00+02:00' })),
    );
    expect(moved.event.uid).toBe('ms-kerngroep-2027-10-26@alliance-cycle.example.org');
    expect(moved.event.sequence).toBe(1);
    expect(moved.event.startDate.toJSDate().toISOString()).toBe('2027-10-27T17:30:00.000Z');
    const cancelled = parse(meetingIcs(invite({ sequence: 2, method: 'CANCEL' })));
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.event.sequence).toBe(2);
    expect(cancelled.event.uid).toBe(moved.event.uid);
  });
});
