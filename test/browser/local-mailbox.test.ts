/// <reference lib="dom" />
/**
 * The local mailbox page in a real Chromium: from the home page to the list, a search, one message
 * and its signed link to the decision page; axe finds nothing serious; screenshots at 390 and 1280 px.
 * A hostile HTML body runs no script in its frame (while the same HTML does run in a plain page).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launch, screenshots, seriousViolations } from '../support/browser';
import { Harness } from '../support/local';
import { HOSTILE_HTML, sendHostile, sendInvitation } from '../support/mailbox';

describe.skipIf(!chromiumPath)('the local mailbox in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let link: string;
  beforeAll(async () => {
    h = await Harness.start();
    await fetch(`${h.rt.urls.app}/local/demo/spuk`, { method: 'POST' });
    await h.rt.whenIdle();
    link = Harness.link((await h.mailTo('anouk.de.vries@example.org'))[0]);
    await sendInvitation(link);
    await sendHostile();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('leads from the home page to a message and its decision link, accessible at both widths', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(h.rt.urls.app);
    await page.click('a:text("mailbox")');
    expect(new URL(page.url()).pathname).toBe('/local/mailbox');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshots(page, 'local-mailbox-list');

    await page.fill('input[name="aan"]', 'anouk');
    await page.fill('input[name="onderwerp"]', 'SPUK');
    await page.click('button:text("Zoeken")');
    await expect(page.locator('[role="status"]').textContent()).resolves.toBe('1 bericht gevonden');
    await page.click('a.subject');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/SPUK/);
    await expect(page.frameLocator('iframe').locator('body').textContent()).resolves.toContain('Beste Anouk');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshots(page, 'local-mailbox-message');

    await page.click('a:text("Terug naar de mailbox")');
    await expect(page.locator('input[name="aan"]').inputValue()).resolves.toBe('anouk');
    await page.goBack();
    await page.click(`ul.links a[href="${link}"]`);
    expect(page.url()).toBe(link);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/SPUK/);
  });

  it('shows a hostile HTML body without running its script', async () => {
    // The same HTML in a plain page runs: the check below can see a script that ran.
    const plain = await browser.newPage();
    await plain.setContent(`<!doctype html><title>x</title><body>${HOSTILE_HTML}</body>`);
    await plain.waitForFunction(() => document.body.dataset.ran === '1');

    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h.rt.urls.app}/local/mailbox?aan=mallory`);
    await page.click('a.subject');
    const title = await page.title();
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('p').textContent()).resolves.toBe('Hallo');
    await page.waitForTimeout(300);
    expect(await frame.locator('body').getAttribute('data-ran')).toBeNull();
    expect(await page.title()).toBe(title);
    expect(title).not.toBe('pwned');
    expect(await page.evaluate(() => document.body.dataset.ran)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'local-mailbox-hostile');
  });

  it('offers the calendar invitation as a download', async () => {
    const page = await browser.newPage();
    await page.goto(`${h.rt.urls.app}/local/mailbox?aan=zoe`);
    await page.click('a.subject');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download$=".ics"]')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
  });
});
