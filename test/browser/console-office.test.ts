/// <reference lib="dom" />
/**
 * The console in a real Chromium, signed in: manage people, groups and partners (also on a phone),
 * follow action items and input rounds and create them with the forms; axe-core on every page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessible as check, chromiumPath, closeConsole, openConsole, signIn } from '../support/console-browser';
import type { Harness } from '../support/local';
import { seriousViolations } from '../support/browser';

describe.skipIf(!chromiumPath)('programme office console in Chromium: directory and flows', () => {
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
});
