/**
 * The feed's iCalendar, read back with ical.js as a calendar client reads it: Amsterdam's time with
 * its VTIMEZONE in summer and in winter, a deadline as a moment (its end is its start), the UID and
 * SEQUENCE as given, a cancelled meeting CANCELLED, the group's name in the description.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../functions/flows/calendar';
import { feedIcs } from '../../../functions/flows/calendar/ics';

const entry = (e: Partial<CalendarEntry>): CalendarEntry => ({
  uid: 'round-r1',
  kind: 'round',
  start: '2027-06-10T15:00:00Z',
  title: 'Begroting 2028',
  href: '/console/rounds/r1',
  cancelled: false,
  sequence: 3,
  ...e,
});

const read = (text: string) => {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
};

describe('the feed as iCalendar', () => {
  const text = feedIcs(
    [
      entry({ bodyId: 'alliantiebestuur' }),
      entry({
        uid: 'meeting-ms-1--2027-01-12',
        kind: 'meeting',
        start: '2027-01-12T19:00:00.000+01:00',
        end: '2027-01-12T21:00:00.000+01:00',
        title: 'Kerngroep De Punt',
        href: '/console/meetings/ms-1--2027-01-12',
        location: 'Buurthuis De Punt',
        cancelled: true,
        sequence: 2,
      }),
    ],
    {
      lang: 'nl',
      domain: 'alliantie.example.org',
      baseUrl: 'https://alliantie.example.org',
      stamp: new Date('2027-01-01T08:00:00Z'),
      bodies: new Map([['alliantiebestuur', 'Alliantiebestuur']]),
    },
  );
  const { cal, events } = read(text);
  const [round, meeting] = events;

  it('has the calendar name and Amsterdam as its one zone', () => {
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Alliantiecyclus – programmabureau');
    expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Amsterdam',
    ]);
  });

  it('writes a deadline in summer time as a moment, with its kind, its group and its page', () => {
    expect(round.uid).toBe('round-r1@alliantie.example.org');
    expect(round.sequence).toBe(3);
    expect(round.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(round.startDate.toString()).toBe('2027-06-10T17:00:00');
    expect(round.startDate.toJSDate().toISOString()).toBe('2027-06-10T15:00:00.000Z');
    expect(round.endDate.toJSDate().toISOString()).toBe('2027-06-10T15:00:00.000Z');
    expect(round.summary).toBe('Besluitronde sluit: Begroting 2028');
    expect(round.description).toBe('Besluitronde sluit · Alliantiebestuur');
    expect(round.component.getFirstPropertyValue('url')).toBe('https://alliantie.example.org/console/rounds/r1');
    expect(round.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('writes a cancelled meeting in winter time as CANCELLED, with its place', () => {
    expect(meeting.summary).toBe('Kerngroep De Punt');
    expect(meeting.startDate.toString()).toBe('2027-01-12T19:00:00');
    expect(meeting.endDate.toJSDate().toISOString()).toBe('2027-01-12T20:00:00.000Z');
    expect(meeting.location).toBe('Buurthuis De Punt');
    expect(meeting.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(text).toContain('\r\nDTSTAMP:20270101T080000Z\r\n');
  });
});
