/// <reference lib="dom" />
/**
 * The public consultation form in a real Chromium: a resident fills it in with the keyboard's
 * fields, sends it empty first (the error summary links to the field), then with an answer and
 * consent; axe-core finds nothing serious or critical on the form, its errors, the thanks and the
 * list, and at 390 px nothing is wider than the screen. Screenshots at 390 and 1280 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launch, screenshots, seriousViolations } from '../support/browser';
import { Harness } from '../support/local';

describe.skipIf(!chromiumPath)('the public consultation form in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let url = '';
  beforeAll(async () => {
    h = await Harness.start();
    const made = await h.api('POST', '/api/consultations', {
      title: 'Een nieuw plein bij het Sloterplas',
      question: 'Wat wilt u op het nieuwe plein?',
      explanation: 'De gemeente maakt het plein in 2027.\nWij vragen eerst wat bewoners willen.',
      documents: [{ title: 'Tekening van het plein', url: 'https://example.org/plein.pdf' }],
      deadline: '2026-11-20T17:00:00+01:00',
      areas: ['1060-1069'],
    });
    url = `${h.rt.urls.app}/inspraak/${made.body.id}`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  async function check(page: Page, name: string) {
    expect(await seriousViolations(page), name).toEqual([]);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll, name).toBeLessThanOrEqual(page.viewportSize()!.width);
    await screenshots(page, name);
  }

  it('is accessible at 390 and 1280 px, in Dutch and English, with its errors and its thanks', async () => {
    for (const width of [390, 1280]) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      for (const lang of ['nl', 'en']) {
        await page.goto(`${url}?lang=${lang}`);
        await check(page, `public-consultation-${lang}-${width}`);
        await page.goto(`${h.rt.urls.app}/inspraak?lang=${lang}`);
        await check(page, `public-consultations-${lang}-${width}`);
      }
      await page.goto(url);
      // Sent empty: the summary names the missing answer and links to its field.
      await page.click('button[type=submit]');
      await expect(page.locator('.errors a').first().getAttribute('href')).resolves.toBe('#text');
      await check(page, `public-consultation-errors-${width}`);
      await page.fill('#text', 'Meer bomen en bankjes, graag.');
      await page.fill('#postcode', '1062 AB');
      await page.fill('#email', `fatima${width}@voorbeeld.nl`);
      await page.check('#consent');
      // The honeypot is off screen and out of the tab order: a person never fills it in.
      expect(await page.locator('#website').getAttribute('tabindex')).toBe('-1');
      await page.click('button[type=submit]');
      await expect(page.locator('h1').textContent()).resolves.toBe('Bedankt voor uw reactie');
      await check(page, `public-consultation-thanks-${width}`);
      await page.close();
    }
    const answers = (await h.api('GET', new URL(url).pathname.replace('/inspraak/', '/api/consultations/'))).body
      .answers;
    expect(answers.map((a: any) => a.email).sort()).toEqual(['fatima1280@voorbeeld.nl', 'fatima390@voorbeeld.nl']);
  });
});
