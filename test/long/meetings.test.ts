/**
 * The monthly kerngroep cycle end to end on the moved clock: three meetings of one series, from
 * the call for agenda items to published minutes — with a late item, a cancellation, a moved
 * meeting, minutes with an objection, and the public page over real HTTP. Calendar files are
 * read with a real iCalendar parser. The clock starts on Monday 2 November 2026, 10:00.
 */
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { TEST_START } from '../support/local';
import { agendaSteps } from '../e2e/meetings-agenda.steps';
import { februarySteps, otherSeries } from '../e2e/meetings-later.steps';
import { minutesSteps } from '../e2e/meetings-minutes.steps';
import { h, linkIn, useHarness } from '../e2e/meetings-story';

useHarness();

describe('the monthly kerngroep', () => {
  agendaSteps();
  minutesSteps();
  februarySteps();
});

otherSeries();

describe('the invitations, read by independent mail and calendar parsers', () => {
  const calendarMails = async () =>
    (await h.mail()).filter((m) => m.attachments.some((a) => a.contentType.startsWith('text/calendar')));
  const bareLf = (b: Buffer) => (b.toString('latin1').match(/(?<!\r)\n/g) ?? []).length;

  it('sends every invitation, update and cancellation with CRLF line ends throughout, parts included', async () => {
    const mails = await calendarMails();
    // The first meeting's invitations, the January cancellation and the February update at least.
    expect(mails.length).toBeGreaterThanOrEqual(15);
    for (const m of mails) {
      expect(m.raw, m.subject).toBeDefined();
      expect(bareLf(m.raw!), `${m.subject}: bare LF in the message`).toBe(0);
      const parsed = await simpleParser(m.raw!);
      expect(parsed.subject).toBe(m.subject);
      expect(parsed.text, m.subject).toContain(m.text.split('\n')[0]);
      // Base64 hides line ends from the check above: every decoded text part must use CRLF too (RFC 2045).
      const parts = parsed.attachments.filter((a) => /^(text\/|application\/ics)/.test(a.contentType));
      expect(parts.map((a) => a.contentType).sort(), m.subject).toEqual(['application/ics', 'text/calendar']);
      for (const a of parts) expect(bareLf(a.content), `${m.subject}: bare LF in ${a.contentType}`).toBe(0);
    }
  });

  it('stamps each calendar file in UTC and asks for no reply by calendar, pointing to the meeting page', async () => {
    const mails = await calendarMails();
    for (const m of mails) {
      const ics = m.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content;
      expect(ics, m.subject).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
      const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
      const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.zone?.tzid, m.subject).toBe('UTC');
      // Stamped when it was made, on the moved clock.
      expect(stamp.toJSDate().getTime(), m.subject).toBeGreaterThanOrEqual(Date.parse(TEST_START));
      expect(stamp.toJSDate().getTime(), m.subject).toBeLessThanOrEqual(h.rt.clock.now().getTime());
      for (const attendee of vevent.getAllProperties('attendee')) {
        expect(attendee.getParameter('rsvp'), m.subject).not.toBe('TRUE');
      }
      if (/^(Uitnodiging|Invitation|Gewijzigd|Changed)/.test(m.subject)) {
        const description = String(vevent.getFirstPropertyValue('description'));
        expect(description).toContain(linkIn(m));
        expect(description).toMatch(/^(Uitnodiging|Gewijzigd)/.test(m.subject) ? /niet komen/ : /cannot come/i);
      }
    }
  });
});
