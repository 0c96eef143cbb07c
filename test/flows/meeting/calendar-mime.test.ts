/** The calendar email's MIME message, read back by an independent parser (mailparser) and ical.js. */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeWithCalendar } from '../../../functions/flows/meeting/calendar-mime';
import { AMSTERDAM_VTIMEZONE, meetingIcs } from '../../../functions/flows/meeting/ics';
import type { OutgoingEmail } from '../../../functions/engine/ports';

const ics = (method: 'REQUEST' | 'CANCEL') =>
  meetingIcs({
    uid: 'ms-kerngroep-2027-10-26@alliance-cycle.example.org',
    sequence: method === 'CANCEL' ? 2 : 0,
    method,
    start: '2027-10-26T19:00:00+02:00',
    end: '2027-10-26T21:00:00+02:00',
    title: 'Kerngroep De Punt',
    description: 'Kunt u niet komen? Ga naar de pagina.',
    organizer: { name: 'Programmabureau', email: 'programmabureau@example.org' },
    attendee: { name: 'Ruben Kok', email: 'ruben.kok@example.org' },
    stamp: '2027-10-12T08:00:00Z',
  });

const email = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  to: 'Zoë Çelik <zoe.celik@example.org>',
  tag: 'invite',
  subject: 'Uitnodiging: Kerngroep De Punt op dinsdag 26 oktober 2027 om 19:00 uur — agenda en café',
  text: 'Beste Zoë,\n\nU bent uitgenodigd.\n\nGroet,\nHet programmabureau',
  html: '<p>Beste Zoë,</p>\n<p>U bent uitgenodigd.</p>',
  calendar: { method: 'REQUEST', ics: ics('REQUEST') },
  ...over,
});
const FROM = 'Alliantiecyclus <noreply@alliantie.example.org>';
const bareLf = (b: Buffer | string) => (b.toString().match(/(?<!\r)\n/g) ?? []).length;

describe('the calendar email', () => {
  it('reads back with its headers, text, HTML, the calendar part with its METHOD and the attachment', async () => {
    const raw = await composeWithCalendar(FROM, email());
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(email().subject);
    expect(parsed.from?.value).toEqual([{ name: 'Alliantiecyclus', address: 'noreply@alliantie.example.org' }]);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value).toEqual([
      { name: 'Zoë Çelik', address: 'zoe.celik@example.org' },
    ]);
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@alliantie\.example\.org>$/);
    expect(parsed.date?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(parsed.text?.trim()).toBe(email().text);
    expect(parsed.html).toContain('<p>Beste Zoë,</p>');
    const calendar = parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
    expect(calendar.headers.get('content-type')).toMatchObject({ params: { method: 'REQUEST', charset: 'utf-8' } });
    const file = parsed.attachments.find((a) => a.contentType === 'application/ics')!;
    expect(file.filename).toBe('uitnodiging.ics');
    expect(file.contentDisposition).toBe('attachment');
    // Both carry the calendar exactly; ical.js reads its METHOD, UID and SEQUENCE.
    for (const a of [calendar, file]) {
      expect(a.content.toString()).toBe(ics('REQUEST'));
      const cal = new ICAL.Component(ICAL.parse(a.content.toString()));
      expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
      const vevent = cal.getFirstSubcomponent('vevent')!;
      expect(vevent.getFirstPropertyValue('uid')).toBe('ms-kerngroep-2027-10-26@alliance-cycle.example.org');
      expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
      expect(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    }
  });

  it('uses CRLF throughout, in the decoded parts too, and keeps every line within 78 characters', async () => {
    const raw = await composeWithCalendar(FROM, email());
    expect(bareLf(raw)).toBe(0);
    for (const line of raw.toString().split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(raw);
    for (const a of parsed.attachments) expect(bareLf(a.content), a.contentType).toBe(0);
  });

  it('carries a cancellation as METHOD:CANCEL under its own file name, and the one-click unsubscribe headers', async () => {
    const raw = await composeWithCalendar(
      FROM,
      email({
        subject: 'Afgelast: Kerngroep De Punt',
        calendar: { method: 'CANCEL', ics: ics('CANCEL') },
        listUnsubscribe: 'https://example.org/s/token',
      }),
    );
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Afgelast: Kerngroep De Punt');
    expect(parsed.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://example.org/s/token' } });
    expect(raw.toString()).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    const calendar = parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
    expect(calendar.headers.get('content-type')).toMatchObject({ params: { method: 'CANCEL' } });
    expect(parsed.attachments.find((a) => a.contentType === 'application/ics')!.filename).toBe('afgelast.ics');
    const vevent = new ICAL.Component(ICAL.parse(calendar.content.toString())).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('the time zone block', () => {
  it('is the Europe/Amsterdam block the maintained time zone package ships', () => {
    expect(AMSTERDAM_VTIMEZONE).toBe(getVtimezoneComponent('Europe/Amsterdam'));
  });
});
