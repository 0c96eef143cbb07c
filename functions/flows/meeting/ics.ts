/**
 * Calendar invitations for one meeting (RFC 5545 / iTIP): a REQUEST with the meeting's time in
 * Europe/Amsterdam and the VTIMEZONE that defines it, and for a change or cancellation the same
 * UID with a higher SEQUENCE (a CANCEL for a cancellation), so calendar clients update the entry
 * they have instead of adding a second one. Built with ical-generator. The time zone block is the
 * one zone the product uses, in the tzurl.org form that @touch4it/ical-timezones ships (a test keeps
 * them equal): that package carries every zone of the world, 29 KB in each meeting function.
 */
import {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalCalendar,
} from 'ical-generator';
import { ZONE, type Lang, zoned } from '../../platform/time';

export interface MeetingInvite {
  /** Stable per occurrence: `<seriesId>-<occurrence key>@<domain>`. */
  uid: string;
  /** Raised by every change that people must see in their calendar. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: string;
  end: string;
  title: string;
  description: string;
  location?: string;
  url?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** The moment the invitation was made (DTSTAMP). */
  stamp: string;
}

export function meetingUid(seriesId: string, occurrenceKey: string, domain: string): string {
  return `${seriesId}-${occurrenceKey}@${domain}`;
}

const pageWords: Record<Lang, (link: string) => string> = {
  nl: (link) =>
    `Kunt u niet komen, of wilt u de agenda zien? Ga naar de pagina van de vergadering: ${link}\n` +
    'Een antwoord vanuit uw agenda komt niet bij ons aan.',
  en: (link) =>
    `Cannot come, or want to see the agenda? Go to the meeting's page: ${link}\n` +
    'A reply from your calendar does not reach us.',
};

/** The calendar entry's description: where to say "I cannot come", since calendar replies are not read. */
export function meetingPageNote(lang: Lang, link: string): string {
  return pageWords[lang](link);
}

/** Europe/Amsterdam under the EU rule (last Sunday of March and of October), as RFC 5545 RRULEs. */
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'TZURL:http://tzurl.org/zoneinfo-outlook/Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  '',
].join('\n');

const vtimezone = (tz: string) => {
  // Every meeting is in Amsterdam; another zone would need its own block, not a wrong one.
  if (tz !== ZONE) throw new Error(`no VTIMEZONE for ${tz}`);
  return AMSTERDAM_VTIMEZONE;
};

export function meetingIcs(invite: MeetingInvite): string {
  const calendar = new ICalCalendar({
    prodId: { company: 'Alliantiecyclus', product: 'alliance-cycle', language: 'NL' },
    method: invite.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // No calendar-wide time zone: ical-generator would write DTSTAMP in it, without the Z that
  // RFC 5545 requires there. The event's own zone still brings its VTIMEZONE block.
  calendar.timezone({ name: null, generator: vtimezone });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    stamp: new Date(invite.stamp),
    // TZDates: ical-generator writes their Amsterdam wall-clock time with TZID.
    start: zoned(invite.start),
    end: zoned(invite.end),
    timezone: ZONE,
    summary: invite.title,
    description: invite.description,
    location: invite.location ?? null,
    url: invite.url ?? null,
    organizer: invite.organizer,
    // No RSVP: nothing reads replies sent by a calendar. The description points to the meeting page.
    attendees: [
      {
        name: invite.attendee.name,
        email: invite.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
      },
    ],
    status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
