/// <reference lib="dom" />
/**
 * The console in a real Chromium: sign in, create a round through the form, watch the round page
 * update while decisions come in through the email links, extend and cancel, manage people and
 * groups; axe-core on every page; screenshots at phone and desktop width.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';
import { chromiumPath, launch, screenshots, seriousViolations } from '../support/browser';

if (!chromiumPath)
  console.warn('Browser tests skipped: no Chromium found (Debian: apt-get install chromium; .ci/run installs it).');

describe.skipIf(!chromiumPath)('programme office console in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let roundUrl = '';

  beforeAll(async () => {
    h = await Harness.start();
    browser = await launch();
    // CSP stays on: the console's own script must run under it (the live round page depends on it).
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  async function checkAccessible(name: string) {
    expect(await seriousViolations(page), name).toEqual([]);
    await screenshots(page, name);
  }

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
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(inTenDays)
      .replace(' ', 'T');
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
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(later)
      .replace(' ', 'T');
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

  it('adds, edits and deactivates a person, and adds them to a group', async () => {
    await page.goto(`${h.rt.urls.app}/console/people`);
    await checkAccessible('people');
    await page.click('a:has-text("Persoon toevoegen")');
    await page.fill('#name', 'Noor Bakker');
    await page.fill('#email', 'geen-adres');
    await page.click('button:has-text("Opslaan")');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('geldig e-mailadres');
    await page.fill('#email', 'noor.bakker@example.org');
    await page.selectOption('#lang', 'en');
    await page.click('button:has-text("Opslaan")');
    await page.click('a:has-text("Noor Bakker")');
    await checkAccessible('person');
    await page.goto(`${h.rt.urls.app}/console/bodies/kerngroep-de-punt`);
    await page.selectOption('[id="add.personId"]', { label: 'Noor Bakker' });
    await page.selectOption('[id="add.role"]', 'substitute');
    await page.click('form[action="/console/bodies/kerngroep-de-punt"] button[type=submit]');
    await expect(page.locator('table').textContent()).resolves.toContain('Noor Bakker');
    await checkAccessible('group');
    const bodies = (await h.api('GET', '/api/bodies')).body.bodies;
    expect(
      bodies.find((b: any) => b.id === 'kerngroep-de-punt').members.find((m: any) => m.name === 'Noor Bakker'),
    ).toMatchObject({ role: 'substitute', voting: true });
    await page.goto(`${h.rt.urls.app}/console/people`);
    await page.click('a:has-text("Noor Bakker")');
    await page.uncheck('input[name=active]');
    await page.click('button:has-text("Opslaan")');
    await expect(page.locator('tr', { hasText: 'Noor Bakker' }).textContent()).resolves.toContain('niet actief');
  });

  it('shows the group page on a 390 px phone: every role select in view, no table wider than the screen', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/console/bodies/kerngroep-de-punt', '/console/bodies/alliantiebestuur']) {
      await phone.goto(`${h.rt.urls.app}${path}`);
      const boxes = await phone.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('main table')].map((t) => t.getBoundingClientRect().right),
        cells: [...document.querySelectorAll('main td, main th')].map((c) => c.getBoundingClientRect().right),
        selects: [...document.querySelectorAll('select[id$=".role"]')].map((s) => {
          const r = s.getBoundingClientRect();
          return { left: r.left, right: r.right, width: r.width };
        }),
      }));
      expect(boxes.scroll, path).toBeLessThanOrEqual(390);
      expect(boxes.tables.length, path).toBeGreaterThan(0);
      for (const right of [...boxes.tables, ...boxes.cells]) expect(right, path).toBeLessThanOrEqual(390);
      expect(boxes.selects.length, path).toBeGreaterThan(1);
      for (const s of boxes.selects) {
        expect(s.left, path).toBeGreaterThanOrEqual(0);
        expect(s.right, path).toBeLessThanOrEqual(390);
        expect(s.width, path).toBeGreaterThan(120);
      }
      await expect(phone.locator('select[id$=".role"]').first().isVisible()).resolves.toBe(true);
      // The role's label is readable on the phone, not only for screen readers.
      await expect(phone.locator('label[for="m0.role"]').isVisible()).resolves.toBe(true);
      expect(await seriousViolations(phone), path).toEqual([]);
    }
    await phone.close();
  });

  it('adds a partner organisation with its contact, and a new group', async () => {
    await page.goto(`${h.rt.urls.app}/console/partners`);
    await checkAccessible('partners');
    await page.click('a:has-text("Partner toevoegen")');
    await page.click('button:has-text("Opslaan")');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Vul dit in');
    await page.fill('#name', 'Buurthuis De Punt');
    await page.selectOption('#kind', 'foundation');
    await page.check('label:has-text("Samira Amrani") input');
    await page.click('button:has-text("Opslaan")');
    await expect(page.locator('tr', { hasText: 'Buurthuis De Punt' }).textContent()).resolves.toContain(
      'Samira Amrani',
    );
    await page.goto(`${h.rt.urls.app}/console/bodies`);
    await checkAccessible('groups');
    await page.fill('#name', 'Themagroep Verkeer');
    await page.click('button:has-text("Groep toevoegen")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Themagroep Verkeer');
    expect(
      (await h.api('GET', '/api/organisations')).body.organisations.find((o: any) => o.name === 'Buurthuis De Punt'),
    ).toMatchObject({ kind: 'foundation', contactIds: ['p-samira-amrani'] });
  });

  it('shows action items by lateness and input rounds with who answered', async () => {
    const now = h.rt.clock.now().getTime();
    const item = await h.api('POST', '/api/follow-ups', {
      what: 'Verlichting in het park herstellen',
      due: new Date(now + 2 * 86400_000).toISOString(),
      bodyId: 'kerngroep-de-punt',
      ownerOrganisationId: 'woon',
    });
    expect(item.status).toBe(201);
    const input = await h.api('POST', '/api/input-rounds', {
      title: 'Cijfers jaarverslag',
      request: 'Aantal deelnemers in 2026',
      organisationIds: ['woon', 'fortify'],
      deadline: new Date(now + 10 * 86400_000).toISOString(),
      bodyId: 'alliantiebestuur',
    });
    expect(input.status).toBe(201);
    await h.rt.whenIdle();
    await h.advance('P3D');
    // Three days on, the 8-hour session has expired: the console asks to sign in again.
    await page.goto(`${h.rt.urls.app}/console`);
    expect(page.url()).toMatch(/\/console\/sign-in$/);
    await page.fill('#code', h.rt.officeToken);
    await page.click('button[type=submit]');
    await expect(page.locator('main').textContent()).resolves.toContain('Verlichting in het park herstellen');
    await page.goto(`${h.rt.urls.app}/console/follow-ups`);
    await expect(page.locator('tr', { hasText: 'Verlichting' }).textContent()).resolves.toContain('te laat');
    await checkAccessible('follow-ups');
    await page.click('a:has-text("Verlichting in het park herstellen")');
    await expect(page.locator('main').textContent()).resolves.toContain('Woon!');
    await checkAccessible('follow-up');
    await page.goto(`${h.rt.urls.app}/console/input-rounds`);
    await checkAccessible('input-rounds');
    await page.click('a:has-text("Cijfers jaarverslag")');
    await expect(page.locator('table').textContent()).resolves.toContain('Fortify');
    await checkAccessible('input-round');
  });

  it('creates an action item and an input round with the forms, and closes the item', async () => {
    await page.goto(`${h.rt.urls.app}/console/follow-ups`);
    await page.click('a:has-text("Nieuw actiepunt")');
    await checkAccessible('new-follow-up');
    await page.fill('#what', 'Bewonersavond over de speeltuin organiseren');
    await page.fill('#ref', 'kerngroep november');
    await page.check('input[name=ownerKind][value=person]');
    await page.selectOption('#ownerPersonId', 'p-ruben-kok');
    await page.fill('#due', new Date(h.rt.clock.now().getTime() + 21 * 86400_000).toISOString().slice(0, 11) + '17:00');
    await page.click('button:has-text("Actiepunt aanmaken")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('Het actiepunt is aangemaakt');
    await checkAccessible('follow-up-steer');
    await page.fill('#result', 'Avond gehouden op 12 december');
    await page.click('button:has-text("Afronden")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('afgerond');
    await page.goto(`${h.rt.urls.app}/console/input-rounds/new`);
    await checkAccessible('new-input-round');
    await page.fill('#title', 'Inzet vrijwilligers 2027');
    await page.fill('#request', 'Hoeveel vrijwilligers zet u in 2027 in?');
    await page.check('input[name=organisationIds][value=woon]');
    await page.fill(
      '#deadline',
      new Date(h.rt.clock.now().getTime() + 14 * 86400_000).toISOString().slice(0, 11) + '17:00',
    );
    await page.click('button:has-text("Uitvraag versturen")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Inzet vrijwilligers 2027');
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
