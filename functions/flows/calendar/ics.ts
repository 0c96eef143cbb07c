/**
 * The office's calendar feed as iCalendar (RFC 5545), built with ical-generator: one VEVENT per
 * entry with a UID that stays the same across reads (`<kind>-<id>@<domain>`), its SEQUENCE from
 * the thing's own version, times on Amsterdam's wall clock with TZID and the one VTIMEZONE block the
 * meeting invitations use. A deadline or due date is a moment: its DTEND is its DTSTART.
 */
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { AMSTERDAM_VTIMEZONE } from '../meeting';
import { type Lang, ZONE, zoned } from '../../platform/time';
import type { CalendarEntry } from './entries';
import { FEED_NAME, KIND_WORDS } from './words';

export interface FeedOptions {
  lang: Lang;
  /** The host the UIDs are made unique by. */
  domain: string;
  /** Where the console's pages are: each event links to its page. */
  baseUrl: string;
  /** DTSTAMP: when the feed was read. */
  stamp: Date;
  /** The groups' names, by id: each event says whose it is. */
  bodies?: Map<string, string>;
}

const vtimezone = (tz: string) => {
  if (tz !== ZONE) throw new Error(`no VTIMEZONE for ${tz}`);
  return AMSTERDAM_VTIMEZONE;
};

export function feedIcs(entries: CalendarEntry[], o: FeedOptions): string {
  const calendar = new ICalCalendar({
    name: FEED_NAME[o.lang],
    prodId: { company: 'Alliantiecyclus', product: 'alliance-cycle', language: o.lang.toUpperCase() },
    // How often a client should read it again (a hint; Outlook and Apple follow it).
    ttl: 60 * 60,
  });
  // The zone on each event, not on the calendar: a calendar-wide zone would write DTSTAMP without its Z.
  calendar.timezone({ name: null, generator: vtimezone });
  for (const e of entries) {
    const kind = KIND_WORDS[o.lang][e.kind].one;
    const body = e.bodyId ? o.bodies?.get(e.bodyId) : undefined;
    calendar.createEvent({
      id: `${e.uid}@${o.domain}`,
      sequence: e.sequence,
      stamp: o.stamp,
      start: zoned(e.start),
      end: zoned(e.end ?? e.start),
      timezone: ZONE,
      summary: e.kind === 'meeting' ? e.title : `${kind}: ${e.title}`,
      description: body ? `${kind} · ${body}` : kind,
      location: e.location ?? null,
      url: `${o.baseUrl}${e.href}`,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
