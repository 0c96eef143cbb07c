/// <reference lib="dom" />
/**
 * Meetings in a real Chromium: the office makes a monthly series with the picker (the second Tuesday),
 * sees it in words and its next five dates before saving, moves one meeting with a reason, cancels
 * another, adds a one-off and opens its page and its printable agenda; axe-core on every page,
 * screenshots at phone and desktop width.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amsterdamInput,
  checkAccessible as check,
  chromiumPath,
  closeConsole,
  openConsole,
  signIn,
} from '../support/console-browser';
import type { Harness } from '../support/local';

describe.skipIf(!chromiumPath)('programme office console in Chromium: meetings', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let seriesUrl = '';

  beforeAll(async () => {
    ({ h, browser, page } = await openConsole());
    await signIn(page, h);
  });
  afterAll(() => closeConsole({ h, browser }));

  const checkAccessible = (name: string) => check(page, name);
  const api = async () => (await h.api('GET', `/api/meeting-series/${seriesUrl.split('/').pop()}`)).body;

  it('makes a monthly series with the picker, seeing its words and next five dates first', async () => {
    await page.click('nav a:has-text("Vergaderingen")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Vergaderingen');
    await checkAccessible('meetings-empty');
    await page.click('a:has-text("Nieuwe vergaderreeks")');
    await checkAccessible('meeting-series-new');
    await page.fill('#title', 'Kerngroep De Punt');
    await page.selectOption('#bodyId', 'kerngroep-de-punt');
    await page.check('input[name=frequency][value=monthly]');
    await page.check('input[name=by][value=weekday]');
    await page.selectOption('#ordinal', '2');
    await page.selectOption('#weekday', 'TU');
    await page.fill('#startsOn', '2026-11-15');
    await page.fill('#startTime', '19:00');
    await page.fill('#durationMinutes', '120');
    await page.fill('#location', 'Buurthuis De Punt');
    await page.selectOption('#chairId', 'p-samira-amrani');
    await page.selectOption('#secretaryId', 'p-pieter-van-leeuwen');
    await expect(page.locator('#save').count()).resolves.toBe(0);
    await page.click('button:has-text("Bekijk de data")');
    await expect(page.locator('.rule-words').textContent()).resolves.toBe(
      'elke tweede dinsdag van de maand, 19:00–21:00',
    );
    await expect(page.locator('.next-dates li').allTextContents()).resolves.toEqual([
      'dinsdag 8 december 2026 om 19:00 uur',
      'dinsdag 12 januari 2027 om 19:00 uur',
      'dinsdag 9 februari 2027 om 19:00 uur',
      'dinsdag 9 maart 2027 om 19:00 uur',
      'dinsdag 13 april 2027 om 19:00 uur',
    ]);
    // What was typed stays in the form.
    await expect(page.inputValue('#location')).resolves.toBe('Buurthuis De Punt');
    await checkAccessible('meeting-series-preview');
    await page.click('#save');
    expect(page.url()).toMatch(/\/console\/meeting-series\/ms-[\w-]+\?m=created$/);
    seriesUrl = page.url().split('?')[0];
    await expect(page.locator('.notice').textContent()).resolves.toContain('De vergaderreeks is opgeslagen');
    expect((await api()).rrule).toBe('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2');
    await checkAccessible('meeting-series');
  });

  it('moves the January meeting with a reason', async () => {
    await page.click('a:has-text("Verplaatsen of afgelasten: dinsdag 12 januari 2027 om 19:00 uur")');
    await checkAccessible('meeting-change');
    await page.fill('#start', '2027-01-19T19:30');
    await page.click('button:has-text("Vergadering verplaatsen")');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Schrijf in een paar woorden waarom');
    await checkAccessible('meeting-change-errors');
    await page.fill('#move-reason', 'De zaal is bezet');
    await page.click('button:has-text("Vergadering verplaatsen")');
    expect(page.url()).toBe(`${seriesUrl}?m=moved`);
    await expect(page.locator('main table').textContent()).resolves.toContain('dinsdag 19 januari 2027 om 19:30 uur');
    await expect(page.locator('main ol').last().textContent()).resolves.toContain('De zaal is bezet');
    const moved = (await api()).meetings.find((m: any) => m.key === '2027-01-12');
    expect(moved).toMatchObject({ status: 'moved', start: '2027-01-19T19:30:00.000+01:00' });
  });

  it('cancels the February meeting with its reason', async () => {
    await page.click('a:has-text("Verplaatsen of afgelasten: dinsdag 9 februari 2027 om 19:00 uur")');
    await page.fill('#reason', 'Voorjaarsvakantie');
    await page.click('button:has-text("Vergadering afgelasten")');
    expect(page.url()).toBe(`${seriesUrl}?m=cancelled`);
    await expect(page.locator('.notice').textContent()).resolves.toContain('De vergadering is afgelast');
    expect((await api()).cancelled['2027-02-09'].reason).toBe('Voorjaarsvakantie');
    await expect(
      page.locator('a:has-text("Verplaatsen of afgelasten: dinsdag 9 februari 2027 om 19:00 uur")').count(),
    ).resolves.toBe(0);
  });

  it('adds a one-off meeting, opens its page and prints its agenda', async () => {
    const start = amsterdamInput(new Date(h.rt.clock.now().getTime() + 10 * 86400_000)).slice(0, 10);
    await page.fill('#start', `${start}T19:00`);
    await page.click('button:has-text("Vergadering toevoegen")');
    expect(page.url()).toBe(`${seriesUrl}?m=added`);
    const row = page.locator('main table tbody tr', { hasText: 'losse vergadering' });
    await expect(row.textContent()).resolves.toContain('agendapunten verzamelen');
    await row.locator('a').first().click();
    await expect(page.locator('h1').textContent()).resolves.toContain('Kerngroep De Punt');
    await expect(page.locator('main').textContent()).resolves.toContain('Stand: agendapunten verzamelen');
    await expect(page.locator('ol.agenda li').count()).resolves.toBe(4);
    await checkAccessible('meeting');
    await page.click('a:has-text("Agenda om af te drukken")');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Agenda Kerngroep De Punt, /);
    await expect(page.locator('ol.agenda li').first().textContent()).resolves.toContain('Opening');
    await checkAccessible('meeting-agenda');
    // On paper: no navigation, no links back.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.no-print').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('ol.agenda').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
