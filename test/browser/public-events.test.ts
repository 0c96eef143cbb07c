/// <reference lib="dom" />
/**
 * The public event pages in a real Chromium: the list, an event's page with its registration form
 * (filled in and sent as a person would, with the keyboard's fields), the answer, and the personal
 * page behind the link in the confirmation. axe-core finds nothing serious on any of them, nothing
 * is wider than a 390 px phone, and screenshots at 390 and 1280 px are kept for the record.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launch, screenshots, seriousViolations } from '../support/browser';
import { Harness } from '../support/local';

async function check(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll, name).toBeLessThanOrEqual(390);
  await screenshots(page, name);
}

describe.skipIf(!chromiumPath)('the public event pages in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let id = '';
  beforeAll(async () => {
    h = await Harness.start();
    const made = await h.api('POST', '/api/events', {
      kind: 'bewonersbijeenkomst',
      title: 'Jeugd en sport',
      theme: 'Jeugd en sport',
      description: 'Wat kan beter voor jongeren in Nieuw-West? Kom het ons vertellen.',
      place: 'Sporthal Geuzenveld',
      address: 'Slotermeerlaan 2, Amsterdam',
      start: '2026-11-19T19:00:00+01:00',
      end: '2026-11-19T21:00:00+01:00',
      accessibility: 'Drempelvrij. Er is een lift.',
      languages: ['Nederlands', 'Arabisch'],
      capacity: 25,
    });
    id = made.body.events[0].id;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('shows the list and the event, accessible and on a phone, in Dutch and in English', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['nl', 'en']) {
      await page.goto(`${h.rt.urls.app}/bijeenkomsten?lang=${lang}`);
      await expect(page.locator('h2').first().textContent()).resolves.toContain('Jeugd en sport');
      await check(page, `public-events-${lang}`);
      await page.click(`a[href^="/bijeenkomsten/${id}"]`);
      expect(new URL(page.url()).pathname).toBe(`/bijeenkomsten/${id}`);
      await check(page, `public-event-${lang}`);
    }
  });

  it('takes a registration from the form, and the personal link opens the registrant’s own page', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.rt.urls.app}/bijeenkomsten/${id}`);
    // Sent empty first: the browser's own check stops it; then with a bad address the page says why.
    await page.fill('#name', 'Samira Haddou');
    await page.fill('#email', 'samira@');
    await page.evaluate(() => document.querySelector('form')!.setAttribute('novalidate', ''));
    await page.click('button[type=submit]');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Vul een e-mailadres in');
    await check(page, 'public-event-error');
    await page.fill('#email', 'samira.haddou@example.org');
    await page.selectOption('#people', '2');
    await page.check('#need-kinderopvang');
    await page.check('#consent');
    await page.click('button[type=submit]');
    await expect(page.locator('p.notice').textContent()).resolves.toContain('Kijk in uw e-mail');
    await check(page, 'public-event-received');
    const [mail] = await h.mailTo('samira.haddou@example.org');
    expect(mail.subject).toBe('U bent aangemeld: Jeugd en sport');
    const link = /https?:\/\/\S+\/aanmelding\/[A-Za-z0-9_.-]+/.exec(mail.text)![0];
    await page.goto(link);
    await expect(page.locator('main').textContent()).resolves.toContain('Er is een plaats voor u');
    expect(await page.locator('#people').inputValue()).toBe('2');
    expect(await page.isChecked('#need-kinderopvang')).toBe(true);
    await check(page, 'public-event-registration');
    await page.selectOption('#people', '1');
    await page.click('form:has(input[value=change]) button');
    await expect(page.locator('p.notice').textContent()).resolves.toContain('Uw aanmelding is veranderd');
    const event = (await h.api('GET', `/api/events/${id}`)).body;
    expect(event.registrations[0]).toMatchObject({ people: 1, needs: ['kinderopvang'], consent: true });
  });
});
