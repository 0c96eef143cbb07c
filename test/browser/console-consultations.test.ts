/// <reference lib="dom" />
/**
 * Consultations in the console in a real Chromium: reached from the navigation, the list and one
 * consultation with its answers (a table that stays on a phone), then the summary typed and published
 * through the form after the deadline; axe-core on every page; screenshots at phone and desktop width.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessible as check, chromiumPath, closeConsole, openConsole, signIn } from '../support/console-browser';
import type { Harness } from '../support/local';

describe.skipIf(!chromiumPath)('programme office console in Chromium: consultations', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ h, browser, page } = await openConsole());
    const made = await h.api('POST', '/api/consultations', {
      title: 'Speeltuin aan de Sloterplas',
      question: 'Waar moet de speeltuin komen?',
      explanation: 'We willen het eerst aan bewoners vragen.',
      deadline: '2026-11-03T17:00:00+01:00',
      areas: ['1060-1069'],
    });
    const url = `${h.rt.urls.app}/inspraak/${made.body.id}`;
    await h.post(url, {
      text: 'Bij de vijver, met bankjes voor ouders.',
      postcode: '1062AB',
      email: 'yara@voorbeeld.nl',
      consent: 'yes',
    });
    await h.post(url, { text: 'Dicht bij de school.', postcode: '1065 KL' });
    await h.to('2026-11-03T17:00:00Z');
    await signIn(page, h);
  });
  afterAll(() => closeConsole({ h, browser }));

  it('shows the list and the answers, and publishes the summary through the form', async () => {
    await page.click('nav a:has-text("Inspraak")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Inspraak');
    await check(page, 'console-consultations');
    await page.click('a:has-text("Speeltuin aan de Sloterplas")');
    expect(await page.locator('table tbody tr').count()).toBe(2);
    await check(page, 'console-consultation');
    await page.fill('#summary-text', 'De meeste bewoners willen de speeltuin bij de vijver.');
    await page.click('button:has-text("Publiceren en versturen")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('1 e-mail verstuurd');
    await check(page, 'console-consultation-published');
  });

  it('has an accessible form for a new consultation, which keeps what was typed when refused', async () => {
    await page.goto(`${h.rt.urls.app}/console/consultations`);
    await page.click('a:has-text("Nieuwe inspraak")');
    await page.fill('#title', 'x');
    await page.fill('#question', 'Wat vindt u van de nieuwe fietsroute?');
    await page.click('button:has-text("Inspraak openen")');
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#title');
    expect(await page.inputValue('#question')).toBe('Wat vindt u van de nieuwe fietsroute?');
    await check(page, 'console-consultation-new-errors');
  });
});
