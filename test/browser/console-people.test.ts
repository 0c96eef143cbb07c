/// <reference lib="dom" />
/**
 * An input round of residents in a real Chromium: the office creates it with the form, sees who
 * answered how, and records a resident's letter (first refused with messages by the fields, what
 * was typed kept); axe-core and screenshots at 390 and 1280 px on every page, and the page on a phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amsterdamInput,
  checkAccessible as check,
  chromiumPath,
  closeConsole,
  openConsole,
  signIn,
} from '../support/console-browser';
import { seriousViolations } from '../support/browser';
import type { Harness } from '../support/local';

describe.skipIf(!chromiumPath)('programme office console in Chromium: an input round of residents', () => {
  let h: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ h, browser, context, page } = await openConsole());
    await signIn(page, h);
  });
  afterAll(() => closeConsole({ h, browser }));

  const checkAccessible = (name: string) => check(page, name);
  const day = (d: number) => new Date(h.rt.clock.now().getTime() + d * 86400_000);

  it('creates a round for residents one by one and a group, and shows who answered how', async () => {
    await page.goto(`${h.rt.urls.app}/console/input-rounds/new`);
    await checkAccessible('new-input-round-people');
    await page.fill('#title', 'Wensen voor het plein');
    await page.fill('#request', 'Wat wilt u op het plein?');
    await page.check('input[name=personIds][value=p-ria-jansen]');
    await page.check('input[name=personIds][value=p-hamid-ouali]');
    await page.selectOption('#residentsOf', 'themagroep-groen');
    await page.fill('#deadline', amsterdamInput(day(10)));
    await page.click('button:has-text("Uitvraag versturen")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Wensen voor het plein');
    const id = page.url().split('/').pop()!;
    const asked = (await h.api('GET', `/api/input-rounds/${id}`)).body.personIds;
    expect([...asked].sort()).toEqual(['p-aisha-toure', 'p-hamid-ouali', 'p-ria-jansen']);
    // Ria answers through her own link.
    await h.rt.whenIdle();
    const [ask] = await h.mailTo('ria.jansen@example.org', 'Wat vindt u? Wensen voor het plein');
    const link = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(ask.text)![0];
    const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
    expect((await h.post(link, { proof, text: 'Een speeltuin en bankjes in de schaduw' })).status).toBe(200);
    await page.reload();
    await expect(page.locator('tr', { hasText: 'Ria Jansen' }).textContent()).resolves.toContain(
      'Zelf, via de eigen link',
    );
    await expect(page.locator('main').textContent()).resolves.toContain('Nog geen antwoord van 2 personen');
    await checkAccessible('input-round-people');
    await page.goto(`${h.rt.urls.app}/console/input-rounds`);
    await expect(page.locator('tr', { hasText: 'Wensen voor het plein' }).textContent()).resolves.toContain(
      '1 / 3 antwoorden',
    );
  });

  it("records Hamid's letter after showing what is missing, keeping what was typed", async () => {
    await page.click('a:has-text("Wensen voor het plein")');
    await page.fill('#text', 'Meer bomen, graag');
    await page.click('button:has-text("Inbreng noteren")');
    const summary = page.locator('.error-summary');
    await expect(summary.textContent()).resolves.toContain('Kies van wie de inbreng is.');
    await expect(summary.textContent()).resolves.toContain('Kies hoe de inbreng binnenkwam.');
    await expect(page.inputValue('#text')).resolves.toBe('Meer bomen, graag');
    await checkAccessible('written-input-errors');
    // The summary's link takes the keyboard to the field.
    await summary.locator('a[href="#personId"]').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('personId');
    await page.selectOption('#personId', { label: 'Hamid Ouali' });
    await page.check('input[name=via][value=letter]');
    await page.fill('#receivedAt', amsterdamInput(day(-2)).slice(0, 10));
    await page.click('button:has-text("Inbreng noteren")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('De inbreng is genoteerd.');
    const row = await page.locator('tr', { hasText: 'Hamid Ouali' }).textContent();
    expect(row).toContain('Genoteerd door het programmabureau: brief');
    expect(row).toContain('Meer bomen, graag');
    await checkAccessible('written-input-recorded');
  });

  it('fits the round page on a 390 px phone', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(page.url());
    const scroll = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(390);
    await expect(phone.locator('#personId').isVisible()).resolves.toBe(true);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.close();
  });
});
