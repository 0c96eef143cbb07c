/// <reference lib="dom" />
/**
 * The console in a real Chromium: sign in, create a round through the form, watch the round page
 * update while decisions come in through the email links, extend and cancel, switch language, sign
 * out; axe-core on every page; screenshots at phone and desktop width.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amsterdamInput,
  checkAccessible as check,
  chromiumPath,
  closeConsole,
  openConsole,
} from '../support/console-browser';
import { Harness } from '../support/local';

describe.skipIf(!chromiumPath)('programme office console in Chromium: rounds', () => {
  let h: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let roundUrl = '';

  beforeAll(async () => {
    ({ h, browser, context, page } = await openConsole());
  });
  afterAll(() => closeConsole({ h, browser }));

  const checkAccessible = (name: string) => check(page, name);

  it('asks to sign in, refuses a wrong code, and lets the office in', async () => {
    await page.goto(`${h.rt.urls.app}/console`);
    expect(page.url()).toMatch(/\/console\/sign-in$/);
    await checkAccessible('sign-in');
    await page.fill('#code', 'wrong');
    await page.click('button[type=submit]');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Deze code klopt niet');
    await page.fill('#code', h.rt.officeToken);
    await page.click('button[type=submit]');
    expect(page.url()).toMatch(/\/console$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Wat vraagt vandaag aandacht?');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === '__Host-ac_session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/',
    });
    await checkAccessible('overview');
  });

  it('works by keyboard: the first Tab reaches the skip link', async () => {
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Naar de inhoud');
  });

  it('shows what is wrong with an incomplete form, then creates the round', async () => {
    await page.goto(`${h.rt.urls.app}/console/rounds/new`);
    await checkAccessible('new-round');
    await page.fill('#deadline', '');
    await page.click('button:has-text("Ronde starten")');
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('Schrijf een titel van 3 tot 200 tekens');
    expect(summary).toContain('Schrijf een korte uitleg');
    expect(summary).toContain('Kies een deadline in de toekomst');
    await checkAccessible('new-round-errors');
    await page.fill('#title', 'Aanvraag SPUK Kansrijke Wijk');
    await page.fill('#summary', 'Gaat u akkoord met het indienen van de SPUK-aanvraag?');
    await page.fill('#documents', 'Concept-aanvraag | https://example.org/spuk.pdf');
    const inTenDays = new Date(h.rt.clock.now().getTime() + 10 * 86400_000);
    const local = amsterdamInput(inTenDays);
    await page.fill('#deadline', local);
    await page.click('button:has-text("Ronde starten")');
    expect(page.url()).toMatch(/\/console\/rounds\/r-/);
    roundUrl = page.url();
    await expect(page.locator('.progress').textContent()).resolves.toContain('0 van 7 akkoord; 4 nodig');
    await checkAccessible('round');
  });

  it('updates the round page by itself as decisions come in through the email links', async () => {
    await h.rt.whenIdle();
    const decider = await context.newPage();
    for (const address of ['ria.jansen@example.org', 'hamid.ouali@example.org']) {
      const link = Harness.link((await h.mailTo(address, 'Aanvraag SPUK Kansrijke Wijk'))[0]);
      await decider.goto(link);
      await decider.check('input[value=approve]');
      await decider.click('button[type=submit]');
      await expect(decider.locator('.notice').textContent()).resolves.toContain('Uw besluit is ontvangen');
    }
    await decider.close();
    await page.locator('.progress', { hasText: '2 van 7 akkoord' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('table').first().textContent()).resolves.toContain('Akkoord');
  });

  it('extends the deadline, reminds, and stops the round with a reason', async () => {
    await page.goto(roundUrl);
    await page.click('button:has-text("Nu herinneren")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('Herinnering klaargezet voor 5 personen');
    const later = new Date(h.rt.clock.now().getTime() + 20 * 86400_000);
    const local = amsterdamInput(later);
    await page.fill('#deadline', local);
    await page.click('button:has-text("Deadline verlengen")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('De deadline is verlengd');
    await page.click('button:has-text("Ronde stoppen")');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Vul dit in');
    await page.fill('#reason', 'De aanvraag wordt eerst met bewoners besproken');
    await page.click('button:has-text("Ronde stoppen")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('De ronde is gestopt');
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('gestopt');
    await page.goto(`${roundUrl}/dossier`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Besluitdossier');
    await checkAccessible('dossier');
    const csv = await page.request.get(`${roundUrl}/audit.csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Ronde gestopt');
  });

  it('switches to English and back', async () => {
    await page.goto(`${h.rt.urls.app}/console/rounds`);
    await page.click('a:has-text("English")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Rounds');
    await checkAccessible('rounds-en');
    await page.click('a:has-text("Nederlands")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Rondes');
  });

  it('refuses a post without the session form secret, and signs out', async () => {
    const res = await page.request.post(`${h.rt.urls.app}/console/rounds/r-x/remind`, {
      form: { _csrf: 'forged' },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    await page.goto(`${h.rt.urls.app}/console`);
    await page.click('button:has-text("Uitloggen")');
    expect(page.url()).toMatch(/\/console\/sign-in$/);
    await page.goto(`${h.rt.urls.app}/console/people`);
    expect(page.url()).toMatch(/\/console\/sign-in$/);
  });
});
