/// <reference lib="dom" />
/**
 * The public accountability page in a real Chromium, with the demo's cycles, an open huis with what
 * we did with it and a consultation with its summary: axe-core finds nothing serious, on a 390 px
 * phone nothing is wider than the screen; screenshots at 390 and 1280 px. The browser's own XML
 * parser (strict: any error gives a <parsererror>) reads the Atom feed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launch, screenshots, seriousViolations } from '../support/browser';
import { Harness } from '../support/local';

describe.skipIf(!chromiumPath)('the public accountability page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    h = await Harness.start({ demoCycles: true });
    const made = await h.api('POST', '/api/events', {
      kind: 'open-huis',
      title: 'Open huis Groen',
      theme: 'Groen en spelen',
      description: 'Praat mee over groen in de buurt.',
      place: 'Huis van de Wijk',
      address: 'Burgemeester Fockstraat 3, Amsterdam',
      start: '2026-11-05T19:00:00+01:00',
      end: '2026-11-05T21:00:00+01:00',
      accessibility: 'Drempelvrij.',
      languages: ['Nederlands', 'Arabisch'],
      capacity: 20,
    });
    const consult = await h.api('POST', '/api/consultations', {
      title: 'Bankjes op het plein',
      question: 'Waar wilt u een bankje?',
      explanation: 'We plaatsen er tien.',
      deadline: '2026-11-10T17:00:00+01:00',
    });
    await h.to('2026-11-13T09:00:00Z');
    const id = made.body.events[0].id;
    await h.api('POST', `/api/events/${id}/heard`, { text: 'Bewoners willen meer bomen.' });
    await h.api('POST', `/api/events/${id}/did`, { text: 'Het stadsdeel plant in maart twintig bomen.', links: [] });
    await h.api('POST', `/api/consultations/${consult.body.id}/summary`, {
      version: 1,
      text: 'Bewoners willen bankjes.',
    });
    await h.rt.whenIdle();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('is accessible and fits a phone, in Dutch and in English, and links to the other public pages', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['nl', 'en']) {
      await page.goto(`${h.rt.urls.app}/verantwoording?lang=${lang}`);
      await expect(page.locator('h1').textContent()).resolves.toMatch(lang === 'nl' ? /uw inbreng/ : /your input/);
      expect(await page.locator('main').textContent()).toContain('twintig bomen');
      expect(await seriousViolations(page), lang).toEqual([]);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, lang).toBeLessThanOrEqual(390);
      await screenshots(page, `public-accountability-${lang}`);
    }
    await page.goto(`${h.rt.urls.app}/verantwoording`);
    await page.click('a[href="cycli"]');
    expect(new URL(page.url()).pathname).toBe('/cycli');
    await page.click('a[href="verantwoording"]');
    expect(new URL(page.url()).pathname).toBe('/verantwoording');
  });

  it('has a feed the browser parses as strict XML, with its entries', async () => {
    const page = await browser.newPage();
    await page.goto(`${h.rt.urls.app}/verantwoording`);
    // Fetched here: the page's content security policy lets it fetch nothing, rightly.
    const feed = await (await fetch(`${h.rt.urls.app}/verantwoording.atom`)).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.localName,
        ns: doc.documentElement.namespaceURI,
        titles: [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0].textContent),
      };
    }, feed);
    // The same parser refuses what is not well-formed: the check can fail.
    const broken = await page.evaluate(
      (text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length,
      feed.replace('</feed>', '<x>&</x></feed>'),
    );
    expect(broken).toBeGreaterThan(0);
    expect(parsed).toMatchObject({ error: 0, root: 'feed', ns: 'http://www.w3.org/2005/Atom' });
    expect(parsed.titles).toContain('Wat we deden met: Open huis Groen');
  });
});
