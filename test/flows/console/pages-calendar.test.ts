/**
 * The calendar page rendered in each language: Dutch words only on the Dutch page (no English word
 * of the English page, no stored kind), English on the English one; what people typed is escaped;
 * a cancelled meeting is struck out and says so; the feed's forms carry the form secret.
 */
import { describe, expect, it } from 'vitest';
import { byDay, type CalendarEntry, monthGrid, weekGrid } from '../../../functions/flows/calendar';
import { calendarPage } from '../../../functions/flows/console/calendar-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import type { Body } from '../../../functions/engine/directory';
import { ENGLISH, main } from '../../support/console-pages';

const entry = (kind: CalendarEntry['kind'], start: string, over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: `${kind}-x`,
  kind,
  start,
  title: `Titel ${kind}`,
  bodyId: 'kerngroep-de-punt',
  href: `/console/${kind}/x`,
  cancelled: false,
  sequence: 0,
  ...over,
});

const entries = [
  entry('meeting', '2026-12-08T18:00:00Z', { end: '2026-12-08T20:00:00Z', cancelled: true }),
  entry('round', '2026-12-10T16:00:00Z', { title: '<script>alert(1)</script> & co' }),
  entry('item', '2026-12-11T16:00:00Z'),
  entry('input', '2026-12-14T16:00:00Z'),
  entry('phase', '2026-12-15T16:00:00Z', { bodyId: undefined }),
];
const bodies = [{ id: 'kerngroep-de-punt', name: 'Kerngroep De Punt', kind: 'core-group', members: [] }] as Body[];
const view = (grid: ReturnType<typeof monthGrid> | ReturnType<typeof weekGrid>, feed = { version: 0 }) => ({
  query: { view: 'month' as const, date: '2026-12' },
  grid,
  days: byDay(entries),
  bodies,
  feed,
});
// The English page's own words, which must not show on the Dutch one.
const ENGLISH_WORDS =
  /\b(Calendar|Meeting|Round closes|Action item|Input round|Cycle phase|Previous|Next|Today|Nothing|cancelled)\b/;

describe('the calendar page', () => {
  const nl = contextFor('nl', '/console/calendar', 'Programmabureau', 'secret-1');
  const en = contextFor('en', '/console/calendar', 'Programme office', 'secret-1');

  it('is Dutch on the Dutch console, with every kind in words and times in Amsterdam', () => {
    const html = calendarPage(nl, view(monthGrid('2026-12', '2026-12-08')), '2026-12-08');
    const text = main(html);
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(ENGLISH_WORDS);
    for (const word of [
      'Vergadering',
      'Besluitronde sluit',
      'Actiepunt klaar',
      'Uitvraag sluit',
      'Fase van een cyclus',
    ])
      expect(text).toContain(word);
    // 18:00 UTC in December is 19:00 in Amsterdam.
    expect(text).toContain('19:00–21:00');
    expect(text).toContain('(afgelast)');
    expect(html).toContain('<s>Titel meeting</s>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('name="_csrf" value="secret-1"');
  });

  it('is English on the English console', () => {
    const html = calendarPage(en, view(weekGrid('2026-12-08', '2026-12-08'), { version: 1 }), '2026-12-08');
    const text = main(html);
    expect(text).toContain('Calendar: Week 50 (7 December – 13 December 2026)');
    expect(text).toContain('Tuesday 8 December 2026 (today)');
    expect(text).toContain('Meeting');
    expect(text).toContain('(cancelled)');
    expect(text).not.toMatch(/\b(Vergadering|vandaag|Niets gepland|afgelast)\b/);
  });
});
