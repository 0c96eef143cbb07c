/** The calendar files of public events: a registrant's appointment and its cancellation, and the public feed. */
import { describe, expect, it } from 'vitest';
import type { PublicEvent } from '../../../functions/flows/event/event';
import { eventsFeed, registrationIcs } from '../../../functions/flows/event/ics';

const e = {
  id: 'ev-1',
  kind: 'open-huis',
  title: 'Open huis Wonen',
  description: 'Kom praten.',
  place: 'De Punt',
  address: 'Pieter Calandlaan 1',
  start: '2026-11-12T18:00:00.000Z',
  end: '2026-11-12T20:00:00.000Z',
  status: 'published',
  registrations: [{ name: 'Fatima El Amrani', email: 'fatima@example.org' }],
} as unknown as PublicEvent;

const options = (cancelled: boolean) => ({
  domain: 'bewoners.example.org',
  url: 'https://bewoners.example.org/bijeenkomsten/ev-1',
  stamp: new Date('2026-11-02T09:00:00Z'),
  cancelled,
  organizer: { name: 'Programmabureau', email: 'office@example.org' },
  attendee: { name: 'Fatima El Amrani', email: 'fatima@example.org' },
});

describe('calendar files', () => {
  it('make an appointment in UTC, and its cancellation with the same UID and a higher sequence', () => {
    const request = registrationIcs(e, options(false));
    expect(request).toContain('METHOD:REQUEST');
    expect(request).toContain('UID:event-ev-1@bewoners.example.org');
    expect(request).toContain('DTSTART:20261112T180000Z');
    expect(request).toContain('SEQUENCE:0');
    expect(request.replace(/\r?\n /g, '').toLowerCase()).toContain('mailto:fatima@example.org');
    const cancel = registrationIcs(e, options(true));
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('UID:event-ev-1@bewoners.example.org');
    expect(cancel).toContain('SEQUENCE:1');
    expect(cancel).toContain('STATUS:CANCELLED');
  });

  it('publish the coming events to anyone, without attendees', () => {
    const feed = eventsFeed(
      [e],
      'bewoners.example.org',
      (x) => `https://bewoners.example.org/bijeenkomsten/${x.id}`,
      new Date(),
    );
    expect(feed).toContain('METHOD:PUBLISH');
    expect(feed).toContain('SUMMARY:Open huis: Open huis Wonen');
    expect(feed).not.toContain('ATTENDEE');
    expect(feed).not.toContain('Fatima');
  });
});
