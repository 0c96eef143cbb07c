import { describe, expect, it } from 'vitest';
import type { Person } from '../../../functions/engine/directory';
import { OFFICE } from '../../../functions/engine/flow-email';
import type { Meeting } from '../../../functions/flows/meeting/meeting';
import { meetingPage } from '../../../functions/flows/meeting/pages';
import {
  abandonedMail,
  agendaReminderMail,
  callMail,
  dayBeforeAction,
  dayBeforeMail,
  itemReceiptMail,
  lateItemMail,
} from '../../../functions/flows/meeting/views';
import { base } from './fixtures';

describe("a meeting's reminders and texts", () => {
  const to = { name: 'Aïsha', lang: 'nl' as const };
  const placed: Meeting = {
    ...base,
    phase: 'invited',
    location: 'Buurthuis De Punt',
    onlineUrl: 'https://meet.example.org/kg',
  };

  it('words the day-before reminder from the moment it goes out, with the place and the online link', () => {
    // Held back by the reminder budget until the morning of the meeting (19:00 Amsterdam time).
    const late = dayBeforeMail(placed, to, 'https://x/m/t', new Date('2027-01-12T07:00:00Z'));
    expect(late.subject).toBe('Vandaag: Kerngroep');
    expect(late.text).toContain('Vandaag is de vergadering, dinsdag 12 januari 2027 om 19:00 uur.');
    expect(late.text).not.toContain('Morgen');
    expect(late.text).toContain('Waar: Buurthuis De Punt');
    expect(late.text).toContain('Online: https://meet.example.org/kg');
    const onTime = dayBeforeMail(placed, to, 'https://x/m/t', new Date('2027-01-11T19:00:00Z'));
    expect(onTime.subject).toBe('Morgen: Kerngroep');
    expect(onTime.text).toContain('Morgen is de vergadering');
    const early = dayBeforeMail(
      placed,
      { name: 'Kees', lang: 'en' },
      'https://x/m/t',
      new Date('2027-01-09T19:00:00Z'),
    );
    expect(early.subject).not.toMatch(/Tomorrow|Today/);
    expect(early.text).toContain('The meeting is on Tuesday 12 January 2027');
    expect(early.text).toContain('Online: https://meet.example.org/kg');
    expect(dayBeforeAction(placed, 'nl', new Date('2027-01-12T07:00:00Z'))).toBe('Vandaag is de vergadering');
    expect(dayBeforeAction(placed, 'en', new Date('2027-01-12T07:00:00Z'))).toBe('The meeting is today');
    expect(dayBeforeAction(placed, 'nl', new Date('2027-01-11T19:00:00Z'))).toBe('Morgen is de vergadering');
  });

  it('says nothing about months, true for a weekly series too, and names a late item plainly', () => {
    const item = {
      id: 'i1',
      title: 'Bankjes',
      explanation: 'Nieuwe bankjes',
      broughtBy: 'Wim',
      ask: 'discuss' as const,
      submittedBy: 'p1',
      at: base.createdAt,
      late: true,
    };
    const withLate = { ...placed, items: [item] };
    const me = { id: 'p1', name: 'Wim', lang: 'nl' as const, active: true, email: 'w@example.org' } as Person;
    for (const lang of ['nl', 'en'] as const) {
      const texts = [
        callMail(placed, { name: 'Wim', lang }, 'https://x/m/t').text,
        lateItemMail(withLate, { name: 'Wim', lang }, 'https://x/m/t', 'Bankjes', 'Wim').text,
        itemReceiptMail(withLate, { name: 'Wim', lang }, 'https://x/m/t', item).text,
        agendaReminderMail({ ...placed, phase: 'agenda' }, { name: 'Wim', lang }, 'https://x/m/t').text,
        meetingPage({ role: 'chair', meeting: withLate, person: { ...me, lang }, proof: 'p', action: '/m/t' }),
        meetingPage({
          role: 'meeting',
          meeting: { ...base, phase: 'agenda' },
          person: { ...me, lang },
          proof: 'p',
          action: '/m/t',
          groupId: 'g',
        }),
        meetingPage({ role: 'meeting', meeting: withLate, person: { ...me, lang }, proof: 'p', action: '/m/t' }),
      ];
      for (const t of texts) expect(t).not.toMatch(/maand|month/i);
    }
    expect(lateItemMail(withLate, to, 'https://x/m/t', 'Bankjes', 'Wim').subject).toBe(
      'Agendapunt na de deadline: Kerngroep',
    );
  });
});

it('tells the office of an abandoned meeting without greeting and signing it as itself', () => {
  const mail = abandonedMail(base, OFFICE);
  expect(mail.text).not.toMatch(/Beste|Met vriendelijke groet/);
  expect(mail.text).toContain('Dit bericht is automatisch verstuurd door Alliantiecyclus.');
});
