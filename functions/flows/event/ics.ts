/**
 * Calendar files of public events (RFC 5545), built with ical-generator: a registrant's appointment
 * (REQUEST, or CANCEL when they or the office cancel, the same UID so the calendar updates its entry)
 * and the public feed of coming events (PUBLISH, no attendees: anyone may subscribe to it). Times
 * are written in UTC (…Z), which every calendar shows in its own zone: no VTIMEZONE block is needed.
 */
import {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendar,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { PublicEvent } from './event';
import { kindName } from './texts';

const prodId = { company: 'Alliantiecyclus', product: 'alliance-cycle-events', language: 'NL' };
const uid = (e: PublicEvent, domain: string) => `event-${e.id}@${domain}`;

function addEvent(cal: ICalCalendar, e: PublicEvent, domain: string, url: string, stamp: Date, cancelled: boolean) {
  cal.createEvent({
    id: uid(e, domain),
    // Raised by a cancellation, so the calendar replaces the entry it has.
    sequence: cancelled ? 1 : 0,
    stamp,
    start: new Date(e.start),
    end: new Date(e.end),
    summary: `${kindName.nl[e.kind]}: ${e.title}`,
    description: `${e.description}\n\n${url}`,
    location: `${e.place}, ${e.address}`,
    url,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One registrant's appointment: the organiser is the office; no RSVP, the link in the email changes it. */
export function registrationIcs(
  e: PublicEvent,
  o: {
    domain: string;
    url: string;
    stamp: Date;
    cancelled: boolean;
    organizer: { name: string; email: string };
    attendee: { name: string; email: string };
  },
): string {
  const cal = new ICalCalendar({
    prodId,
    method: o.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  addEvent(cal, e, o.domain, o.url, o.stamp, o.cancelled);
  const event = cal.events()[0];
  event.organizer(o.organizer);
  // The registrant as the one attendee, as iTIP's REQUEST and CANCEL expect; no RSVP: replies are not read.
  event.createAttendee({
    ...o.attendee,
    role: ICalAttendeeRole.REQ,
    status: o.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
  });
  return cal.toString();
}

/** The public feed: every coming event, to subscribe to in a calendar app. */
export function eventsFeed(events: PublicEvent[], domain: string, urlOf: (e: PublicEvent) => string, stamp: Date) {
  const cal = new ICalCalendar({ prodId, method: ICalCalendarMethod.PUBLISH, name: 'Bijeenkomsten Samen Nieuw-West' });
  for (const e of events) addEvent(cal, e, domain, urlOf(e), stamp, e.status === 'cancelled');
  return cal.toString();
}
