/**
 * A meeting's page in the console after the meeting: the minutes' state, the objections by name, the
 * public summary as it will go out (no personal names, only the organisation), escaped text, and the
 * same page in English; the series form's fields as the API's request and its refusals in Dutch.
 */
import { describe, expect, it } from 'vitest';
import type { Organisation, Person } from '../../../functions/engine/directory';
import { meetingPage } from '../../../functions/flows/console/meeting-detail';
import { onForm, recurrenceOf, seriesRequest } from '../../../functions/flows/console/meeting-request';
import { contextFor } from '../../../functions/flows/console/ui';
import type { Meeting } from '../../../functions/flows/meeting/meeting';
import type { MeetingSeries } from '../../../functions/flows/meeting/series';
import { base } from '../meeting/fixtures';

const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({
  id,
  name,
  email: `${id}@example.org`,
  lang: 'nl',
  kind: 'resident',
  active: true,
  ...extra,
});
const people = [
  person('chair', 'Samira Amrani'),
  person('sec', 'Pieter van Leeuwen'),
  person('aisha', 'Aïsha Touré'),
  person('kees', 'Kees Brouwer', { kind: 'partner-contact', organisationId: 'woon' }),
];
const orgs: Organisation[] = [{ id: 'woon', name: 'Woonstichting De Key', kind: 'housing', contactIds: ['kees'] }];
const series = { id: 's', title: 'Kerngroep', rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2' } as MeetingSeries;

const held: Meeting = {
  ...base,
  phase: 'review',
  reviewEndsAt: '2027-01-20T17:00:00.000Z',
  items: [
    {
      id: 'i1',
      title: 'Geveltuinen <script>alert(1)</script>',
      explanation: 'Bewoners willen geveltuinen.',
      broughtBy: 'Themagroep Groen',
      ask: 'decide',
      submittedBy: 'aisha',
      at: '2026-12-20T10:00:00.000Z',
      late: false,
    },
  ],
  minutes: {
    summaries: { i1: 'Er komt een proef in twee straten.' },
    decisions: 'De kerngroep steunt de proef.',
    actionItems: [{ what: 'Plan de proef', ownerPersonId: 'kees', due: '2027-03-01T17:00:00.000Z' }],
    by: 'sec',
    at: '2027-01-14T10:00:00.000Z',
  },
  objections: [{ personId: 'aisha', reason: 'Mijn punt over de bomen ontbreekt.', at: '2027-01-15T09:00:00.000Z' }],
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe("a meeting's page after the meeting", () => {
  const now = new Date('2027-01-16T10:00:00Z');
  const page = (lang: 'nl' | 'en') =>
    meetingPage(
      contextFor(lang, '/console/meetings/s--2027-01-12'),
      held,
      series,
      { people, bodies: [], orgs },
      [],
      now,
    );

  it('shows the minutes, who objected and why, and the public summary without personal names', () => {
    const html = page('nl');
    const words = text(html);
    expect(words).toContain('Stand: verslag ligt voor bezwaar');
    expect(words).toContain('Gemaakt door Pieter van Leeuwen, donderdag 14 januari 2027 om 11:00 uur.');
    expect(words).toContain('Bezwaar kan tot woensdag 20 januari 2027 om 18:00 uur.');
    expect(words).toContain('Aïsha Touré, vrijdag 15 januari 2027 om 10:00 uur: Mijn punt over de bomen ontbreekt.');
    const summary = text(/<div class="public-summary">[\s\S]*?<\/div>/.exec(html)![0]);
    expect(summary).toContain('Er komt een proef in twee straten.');
    expect(summary).toContain('De kerngroep steunt de proef.');
    expect(summary).toContain('Plan de proef — een partner');
    expect(summary).not.toContain('Kees Brouwer');
    expect(words).toContain('Dit gaat pas naar buiten als het verslag is vastgesteld.');
    // Text people sent is escaped; a meeting in review can no longer be moved from its page.
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('Verplaatsen of afgelasten');
    // Its files and the board pack are the documents' pages (documentConsole), linked from here.
    expect(html).toContain(`href="/console/meetings/${held.id}/documents"`);
    expect(html).toContain(`href="/console/meetings/${held.id}/board-pack"`);
  });

  it('says the same in English', () => {
    const words = text(page('en'));
    expect(words).toContain('State: minutes open for objections');
    expect(words).toContain('Objections to the minutes');
    expect(words).toContain('This goes out only once the minutes are adopted.');
    expect(words).not.toContain('Bezwaren');
  });
});

describe('the series form as the API request', () => {
  it('builds the numbers and leaves empty optional fields out', () => {
    const req = seriesRequest(
      { title: 'K', durationMinutes: '90', location: '', onlineUrl: '' },
      'FREQ=WEEKLY;BYDAY=MO',
    );
    expect(req).toMatchObject({ durationMinutes: 90, rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(req).not.toHaveProperty('location');
    expect(seriesRequest({ durationMinutes: '1.5' }, 'x').durationMinutes).toBe('1.5');
  });

  it('refuses what is no choice, and names the API fields in Dutch on the form', () => {
    const picked = { frequency: 'weekly', interval: '1', by: 'weekday', ordinal: '2', weekday: 'TU', month: '6' };
    expect(recurrenceOf({ ...picked, interval: '13' }, 'nl')).toEqual({
      errors: { interval: 'Vul een getal van 1 tot en met 12 in.' },
    });
    // A changed page (a choice the picker does not offer) is refused, not guessed.
    expect(recurrenceOf({ ...picked, frequency: 'daily', weekday: 'XX' }, 'nl')).toEqual({
      errors: { frequency: 'Kies een van de mogelijkheden.', weekday: 'Kies een van de mogelijkheden.' },
    });
    expect(recurrenceOf({ ...picked, frequency: 'monthly', by: 'date', monthDay: '31' }, 'nl')).toHaveProperty(
      'errors.monthDay',
    );
    // Half-yearly ignores the interval typed: it is every six months.
    expect(
      recurrenceOf({ ...picked, frequency: 'half-yearly', interval: 'x', ordinal: '-1', weekday: 'FR' }, 'nl'),
    ).toMatchObject({ r: { frequency: 'half-yearly', interval: 1, ordinal: -1, weekday: 'FR' } });
    expect(onForm({ rrule: 'x', 'leadTimes.callDays': 'y', startsOn: 'z' }, 'nl')).toEqual({
      frequency: 'Deze keuze geeft geen vergaderingen. Kies een andere dag of maand.',
      save: 'Dit kan zo niet worden opgeslagen. Kijk de velden na.',
      startsOn: 'Vul een datum in die bestaat, binnen een jaar vanaf vandaag.',
    });
  });
});
