/// <reference lib="dom" />
/**
 * The public cycles page in a real Chromium, with the demo's running cycles: axe-core finds nothing
 * serious, and on a 390 px phone nothing is wider than the screen; screenshots for the record. The
 * same for the actielijnen page it links to.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launch, screenshots, seriousViolations } from '../support/browser';
import { Harness } from '../support/local';

describe.skipIf(!chromiumPath)('the public cycles page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  beforeAll(async () => {
    h = await Harness.start({ demoCycles: true });
    await h.rt.whenIdle();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('is accessible and fits a phone, in Dutch and in English', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['nl', 'en']) {
      await page.goto(`${h.rt.urls.app}/cycli?lang=${lang}`);
      await expect(page.locator('h2').first().textContent()).resolves.toMatch(/SPUK/);
      expect(await seriousViolations(page), lang).toEqual([]);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, lang).toBeLessThanOrEqual(390);
      await screenshots(page, `public-cycles-${lang}`);
    }
    // From a body's public page, the link leads here.
    await page.goto(`${h.rt.urls.app}/p/alliantiebestuur`);
    await page.click('a[href="../cycli"]');
    expect(new URL(page.url()).pathname).toBe('/cycli');
  });

  it('shows the actielijnen, accessible and on a phone, reached from the cycles page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.rt.urls.app}/cycli`);
    await page.click('a[href="/actielijnen"]');
    expect(new URL(page.url()).pathname).toBe('/actielijnen');
    for (const lang of ['nl', 'en']) {
      await page.goto(`${h.rt.urls.app}/actielijnen?lang=${lang}`);
      expect(await page.locator('h2').allTextContents(), lang).toContain('Coöperatieven');
      expect(await seriousViolations(page), lang).toEqual([]);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, lang).toBeLessThanOrEqual(390);
      await screenshots(page, `public-actielijnen-${lang}`);
    }
  });
});
