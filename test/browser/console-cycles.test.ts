/// <reference lib="dom" />
/**
 * Programme cycles in a real Chromium: the office starts a SPUK cycle through the form (a refused
 * first try keeps what was typed), sees the timeline picture and the phase table, moves a phase's
 * date and skips another; axe-core on every page; screenshots at phone and desktop width.
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

describe.skipIf(!chromiumPath)('programme office console in Chromium: cycles', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let cycleUrl = '';

  beforeAll(async () => {
    ({ h, browser, page } = await openConsole());
    await signIn(page, h);
  });
  afterAll(() => closeConsole({ h, browser }));

  const checkAccessible = (name: string) => check(page, name);
  const day = (days: number) => amsterdamInput(new Date(h.rt.clock.now().getTime() + days * 86400_000)).slice(0, 10);
  const api = async () => (await h.api('GET', `/api/cycles/${cycleUrl.split('/').pop()}`)).body;

  it('reaches the cycles from the navigation and chooses the SPUK template', async () => {
    await page.click('nav a:has-text("Cycli")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Cycli');
    await checkAccessible('cycles-empty');
    await page.click('a:has-text("Nieuwe cyclus")');
    await checkAccessible('cycle-templates');
    await page.click('a:has-text("Dit sjabloon gebruiken: Aanvraag SPUK Kansrijke Wijk")');
    await expect(page.locator('h1').textContent()).resolves.toContain('Aanvraag SPUK Kansrijke Wijk');
  });

  it('refuses the form without the partners, keeping the dates typed, then starts the cycle', async () => {
    await page.fill('#anchor-boardMeeting-date', day(100));
    await page.fill('#anchor-boardMeeting-time', '16:00');
    await page.fill('#anchor-ministryDeadline-date', day(120));
    await page.fill('#anchor-ministryDeadline-time', '17:00');
    for (const [role, name] of [
      ['programmeTeam', 'Samira Amrani'],
      ['residents', 'Ria Jansen'],
      ['submitter', 'Pieter van Leeuwen'],
    ])
      await page.locator(`fieldset:has(#role-${role}) label.choice:has-text("${name}")`).first().click();
    await page.click('button:has-text("Cyclus starten")');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Kies wie dit doet');
    await expect(page.inputValue('#anchor-boardMeeting-date')).resolves.toBe(day(100));
    await expect(page.isChecked('input[name=people-submitter][value=p-pieter-van-leeuwen]')).resolves.toBe(true);
    await checkAccessible('cycle-start-errors');
    await page.check('input[name=orgs-partners][value=woon]');
    await page.check('input[name=orgs-partners][value=eigenwijks]');
    await page.click('button:has-text("Cyclus starten")');
    expect(page.url()).toMatch(/\/console\/cycles\/c-[^/?]+\?m=created$/);
    cycleUrl = page.url().split('?')[0];
    await expect(page.locator('.notice').textContent()).resolves.toContain('De cyclus is gestart');
  });

  it('shows the timeline as a picture with a today line, and each phase in the table', async () => {
    const svg = page.locator('svg.timeline[role=img]');
    await expect(svg.locator('title').textContent()).resolves.toBe('Tijdlijn van Aanvraag SPUK Kansrijke Wijk');
    const phases = (await api()).phases.length;
    await expect(svg.locator('g.phases rect').count()).resolves.toBe(phases);
    await expect(svg.locator('text', { hasText: 'vandaag' }).count()).resolves.toBeGreaterThan(0);
    // The picture is drawn: bars have width and lie inside it.
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    await expect(page.locator('table tbody tr').count()).resolves.toBe(phases);
    await expect(page.locator('table').textContent()).resolves.toContain('Concept-aanvraag schrijven');
    await checkAccessible('cycle');
  });

  it('moves the draft one week later; the timeline and the record show it', async () => {
    const before = (await api()).phases.find((p: any) => p.key === 'draft').due;
    await page.click('a:has-text("Wijzigen: Concept-aanvraag schrijven")');
    await checkAccessible('cycle-phase');
    const later = amsterdamInput(new Date(Date.parse(before) + 7 * 86400_000));
    await page.fill('#due-date', later.slice(0, 10));
    await page.fill('#due-time', later.slice(11));
    await page.fill('#move-reason', 'De zomervakantie loopt langer door');
    await page.click('button:has-text("Datum verzetten")');
    expect(page.url()).toBe(`${cycleUrl}?m=moved`);
    await expect(page.locator('.notice').textContent()).resolves.toBe('De datum is verzet.');
    const after = (await api()).phases.find((p: any) => p.key === 'draft').due;
    expect(Date.parse(after) - Date.parse(before)).toBe(7 * 86400_000);
    await expect(page.locator('main ol').textContent()).resolves.toContain('Fase verzet: Concept-aanvraag schrijven');
  });

  it('skips the residents phase, saying the draft waits for the partners only', async () => {
    await page.click('a:has-text("Wijzigen: Wat bewoners belangrijk vinden")');
    await page.fill('#skip-reason', 'Bewoners gaven hun input al in de zomer');
    await page.click('button:has-text("Fase overslaan")');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Deze fasen wachten op deze fase');
    await checkAccessible('cycle-phase-errors');
    await page.check('input[name=insteadMode][value=phases]');
    await page.check('input[name=instead][value=partnerContributions]');
    await page.click('button:has-text("Fase overslaan")');
    expect(page.url()).toBe(`${cycleUrl}?m=skipped`);
    await expect(
      page.locator('svg.timeline g.phases text', { hasText: 'Wat bewoners belangrijk vinden · overgeslagen' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('table').textContent()).resolves.toContain('overgeslagen');
    expect((await api()).phases.find((p: any) => p.key === 'draft').start.after).toEqual(['partnerContributions']);
    await checkAccessible('cycle-changed');
  });

  it('lists the cycle under its status', async () => {
    await page.click('nav a:has-text("Cycli")');
    await expect(page.locator('main h2').first().textContent()).resolves.toMatch(/Gepland|Lopend/);
    await expect(page.locator('main table a').textContent()).resolves.toBe('Aanvraag SPUK Kansrijke Wijk');
    await checkAccessible('cycles');
  });
});
