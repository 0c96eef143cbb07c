/**
 * Calendar invitations for one meeting (RFC 5545 / iTIP): a REQUEST with the meeting's time in
 * Europe/Amsterdam and the VTIMEZONE that defines it, and for a change or cancellation the same
 * UID with a higher SEQUENCE (a CANCEL for a cancellation), so calendar clients update the entry
 * they have instead of adding a second one. Built with ical-generator; the time zone block comes
 * from @touch4it/ical-timezones.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { ZONE } from './time';

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

export function meetingIcs(invite: MeetingInvite): string {
  const calendar = new ICalCalendar({
    prodId: { company: 'Alliantiecyclus', product: 'alliance-cycle', language: 'NL' },
    method: invite.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.timezone({ name: ZONE, generator: getVtimezoneComponent });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    stamp: new Date(invite.stamp),
    start: DateTime.fromISO(invite.start).setZone(ZONE),
    end: DateTime.fromISO(invite.end).setZone(ZONE),
    timezone: ZONE,
    summary: invite.title,
    description: invite.description,
    location: invite.location ?? null,
    url: invite.url ?? null,
    organizer: invite.organizer,
    attendees: [{ name: invite.attendee.name, email: invite.attendee.email, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: invite.method === 'REQUEST' }],
    status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
