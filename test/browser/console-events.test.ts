/// <reference lib="dom" />
/**
 * The console's event pages in Chromium: reached from the navigation, the list and an event with its
 * registrations; after the event "what we heard" is written in the form and saved. axe-core finds
 * nothing serious; screenshots at 390 and 1280 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAccessible,
  chromiumPath,
  closeConsole,
  type ConsoleBrowser,
  openConsole,
  signIn,
} from '../support/console-browser';

describe.skipIf(!chromiumPath)('the console’s event pages in Chromium', () => {
  let c: ConsoleBrowser;
  let id = '';
  beforeAll(async () => {
    c = await openConsole();
    const made = await c.h.api('POST', '/api/events', {
      kind: 'wijkparlement',
      title: 'Wijkparlement Slotervaart',
      theme: 'Veiligheid',
      description: 'Bewoners bespreken de veiligheid in de wijk.',
      place: 'Stadsdeelkantoor',
      address: 'Osdorpplein 1000, Amsterdam',
      start: '2026-11-04T19:00:00+01:00',
      end: '2026-11-04T21:00:00+01:00',
      accessibility: 'Drempelvrij, met een lift.',
      languages: ['Nederlands', 'Turks'],
      capacity: 40,
    });
    id = made.body.events[0].id;
    const page = await c.h.open(`${c.h.rt.urls.app}/bijeenkomsten/${id}`);
    const proof = /name="proof" value="([^"]+)"/.exec(page.html)![1];
    await c.h.post(`${c.h.rt.urls.app}/bijeenkomsten/${id}`, {
      proof,
      name: 'Selin Kaya',
      email: 'selin@example.org',
      people: '2',
      needs: 'tolk',
      language: 'Turks',
      lang: 'nl',
      consent: 'yes',
    });
    await signIn(c.page, c.h);
  });
  afterAll(() => closeConsole(c));

  it('lists the events and shows one with its registrations, accessible', async () => {
    await c.page.click('nav a:has-text("Bijeenkomsten")');
    expect(new URL(c.page.url()).pathname).toBe('/console/events');
    await expect(c.page.locator('td').first().textContent()).resolves.toBe('Wijkparlement Slotervaart');
    await checkAccessible(c.page, 'console-events');
    await c.page.click('td a');
    await expect(c.page.locator('main').textContent()).resolves.toContain('Selin Kaya');
    await checkAccessible(c.page, 'console-event');
  });

  it('saves what was heard after the event', async () => {
    await c.h.to('2026-11-05T09:00:00Z');
    await signIn(c.page, c.h);
    await c.page.goto(`${c.h.rt.urls.app}/console/events/${id}`);
    await c.page.fill('#heard-text', 'Bewoners willen meer licht op straat.');
    await c.page.click('form[action$="/heard"] button');
    await expect(c.page.locator('main').textContent()).resolves.toContain('Opgeslagen en verstuurd aan 1 persoon.');
    await checkAccessible(c.page, 'console-event-heard');
  });
});
