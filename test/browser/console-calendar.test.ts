/// <reference lib="dom" />
/**
 * The calendar in a real Chromium: reached from the navigation, the month with today marked and a
 * round's deadline on its day, the next month by keyboard with the kerngroep's meeting from its
 * series, the week view and the filter by group through the form, the feed's address made; axe-core
 * on every page, screenshots at phone and desktop width, and at 390 px nothing wider than the screen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessible as check, chromiumPath, closeConsole, openConsole, signIn } from '../support/console-browser';
import type { Harness } from '../support/local';
import { kerngroepSeries } from '../support/meetings';

describe.skipIf(!chromiumPath)('programme office console in Chromium: the calendar', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let seriesId = '';

  beforeAll(async () => {
    ({ h, browser, page } = await openConsole());
    const series = await h.api('POST', '/api/meeting-series', kerngroepSeries('Kerngroep De Punt'));
    seriesId = series.body.id;
    const round = await h.api('POST', '/api/rounds', {
      title: 'Aanvraag SPUK Kansrijke Wijk',
      summary: 'Akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: '2026-11-20T17:00:00+01:00',
    });
    expect([series.status, round.status]).toEqual([201, 201]);
    await signIn(page, h);
  });
  afterAll(() => closeConsole({ h, browser }));

  const checkAccessible = async (name: string) => {
    await check(page, name);
    await page.setViewportSize({ width: 390, height: 900 });
    // On a phone the month is a list of days: nothing runs off the side of the screen.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(wide, `${name} at 390 px`).toBeLessThanOrEqual(390);
  };

  it('shows the month from the navigation, today marked and the round on its day', async () => {
    await page.click('nav a:has-text("Kalender")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Kalender: november 2026');
    const today = page.locator('td[aria-current=date]');
    await expect(today.locator('.long').textContent()).resolves.toBe('maandag 2 november 2026');
    await expect(today.textContent()).resolves.toContain('(vandaag)');
    const friday = page.locator('td', { has: page.locator('.long', { hasText: 'vrijdag 20 november 2026' }) });
    await expect(friday.locator('a').textContent()).resolves.toBe('Aanvraag SPUK Kansrijke Wijk');
    await expect(friday.textContent()).resolves.toContain('17:00');
    await checkAccessible('calendar-month');
  });

  it('goes to the next month by keyboard and opens a meeting of the series', async () => {
    await page.focus('a[rel=next]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/date=2026-12/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Kalender: december 2026');
    const tuesday = page.locator('td', { has: page.locator('.long', { hasText: 'dinsdag 8 december 2026' }) });
    await expect(tuesday.locator('a').getAttribute('href')).resolves.toBe(`/console/meetings/${seriesId}--2026-12-08`);
    await expect(tuesday.textContent()).resolves.toContain('19:00–21:00');
    await checkAccessible('calendar-month-next');
  });

  it('shows a week day by day, and filters by group with the form', async () => {
    await page.selectOption('#view', 'week');
    await page.click('button:has-text("Tonen")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Kalender: week 49 (30 november – 6 december 2026)');
    await page.click('a[rel=next]');
    const day = page.locator('section.day', { has: page.locator('h2', { hasText: 'dinsdag 8 december 2026' }) });
    await expect(day.locator('a').textContent()).resolves.toBe('Kerngroep De Punt');
    await checkAccessible('calendar-week');
    await page.selectOption('#body', 'alliantiebestuur');
    await page.click('button:has-text("Tonen")');
    await expect(page.locator('section.day a').count()).resolves.toBe(0);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('Er staat niets in deze periode.');
    await page.selectOption('#body', 'kerngroep-de-punt');
    await page.click('button:has-text("Tonen")');
    await expect(day.locator('a').textContent()).resolves.toBe('Kerngroep De Punt');
  });

  it("makes the address for the office's own calendar app", async () => {
    await page.click('button:has-text("Adres maken")');
    await expect(page.locator('.notice').textContent()).resolves.toBe(
      'Er is een nieuw adres. Een oud adres werkt niet meer.',
    );
    const url = await page.inputValue('#feed-url');
    expect(url).toMatch(/\/k\/[\w-]+\.[\w-]+$/);
    const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, h.rt.urls.app));
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain(`UID:meeting-${seriesId}--2026-12-08@`);
    await checkAccessible('calendar-feed');
  });
});
