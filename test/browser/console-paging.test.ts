/// <reference lib="dom" />
/**
 * A long list in a real Chromium: the office pages through 1,000 people (and the demo's) with
 * "Volgende" and back with "Vorige", searches by part of a name, and gets a Dutch 400 page for a
 * changed page link; axe-core and screenshots at 390 and 1280 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessible as check, chromiumPath, closeConsole, openConsole, signIn } from '../support/console-browser';
import type { Harness } from '../support/local';

const MANY = 1000;
const name = (i: number) => `Testpersoon ${String(i).padStart(4, '0')}`;

describe.skipIf(!chromiumPath)('programme office console in Chromium: a list of 1,000 people', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ h, browser, page } = await openConsole());
    const { DynamoDirectory } = await import('../../functions/engine/directory-store');
    const directory = new DynamoDirectory('alliance-cycle');
    for (let i = 0; i < MANY; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          directory.put('person', {
            id: `tp-${i + j}`,
            name: name(i + j),
            email: `testpersoon.${i + j}@example.org`,
            lang: 'nl',
            kind: 'resident',
            active: true,
          }),
        ),
      );
    await signIn(page, h);
  }, 120_000);
  afterAll(() => closeConsole({ h, browser }));

  const names = () => page.locator('main tbody tr td:first-child a').allTextContents();

  it('pages through every person with Volgende, each once, and back with Vorige', async () => {
    const total = (await h.api('GET', '/api/people?limit=500')).body;
    const second = (await h.api('GET', `/api/people?limit=500&cursor=${encodeURIComponent(total.nextCursor)}`)).body;
    const third = (await h.api('GET', `/api/people?limit=500&cursor=${encodeURIComponent(second.nextCursor)}`)).body;
    const everyone = [...total.people, ...second.people, ...third.people].map((p: any) => p.name);
    expect(everyone.length).toBeGreaterThan(MANY);
    await page.goto(`${h.rt.urls.app}/console/people`);
    await check(page, 'people-page-1');
    expect(await page.locator('nav.pager a[rel=prev]').count()).toBe(0);
    const seen: string[][] = [];
    for (;;) {
      seen.push(await names());
      const next = page.locator('nav.pager a[rel=next]');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(seen.slice(0, -1).every((p) => p.length === 50)).toBe(true);
    expect(seen.flat()).toEqual(everyone);
    expect(seen.length).toBe(Math.ceil(everyone.length / 50));
    await check(page, 'people-last-page');
    await page.click('nav.pager a[rel=prev]');
    expect(await names()).toEqual(seen.at(-2));
    await page.click('nav.pager a[rel=prev]');
    expect(await names()).toEqual(seen.at(-3));
  });

  it('searches by part of a name, without case, and pages the matches', async () => {
    await page.goto(`${h.rt.urls.app}/console/people`);
    await page.fill('#q', 'TESTPERSOON 09');
    await page.click('form.search button');
    expect(new URL(page.url()).searchParams.get('q')).toBe('TESTPERSOON 09');
    expect(await names()).toEqual(Array.from({ length: 50 }, (_, i) => name(900 + i)));
    await expect(page.locator('#q').inputValue()).resolves.toBe('TESTPERSOON 09');
    await check(page, 'people-search');
    await page.click('nav.pager a[rel=next]');
    expect(await names()).toEqual(Array.from({ length: 50 }, (_, i) => name(950 + i)));
    expect(await page.locator('nav.pager a[rel=next]').count()).toBe(0);
    await page.fill('#q', 'Ria Jan');
    await page.click('form.search button');
    expect(await names()).toEqual(['Ria Jansen']);
    await page.fill('#q', 'niemand-heet-zo');
    await page.click('form.search button');
    await expect(page.locator('main').textContent()).resolves.toContain('Niets gevonden voor “niemand-heet-zo”.');
    await page.click('text=Alles tonen');
    expect((await names()).length).toBe(50);
  });

  it('refuses a changed page link, or one of another search, with a page in Dutch', async () => {
    await page.goto(`${h.rt.urls.app}/console/people`);
    const href = (await page.locator('nav.pager a[rel=next]').getAttribute('href'))!;
    const cursor = new URL(href, h.rt.urls.app).searchParams.get('cursor')!;
    const changed = `${cursor.slice(0, -5)}${cursor.at(-5) === 'A' ? 'B' : 'A'}${cursor.slice(-4)}`;
    for (const url of [
      `/console/people?cursor=${encodeURIComponent(changed)}`,
      `/console/people?q=ria&cursor=${encodeURIComponent(cursor)}`,
      `/console/partners?cursor=${encodeURIComponent(cursor)}`,
    ]) {
      const res = await page.goto(`${h.rt.urls.app}${url}`);
      expect(res?.status(), url).toBe(400);
      await expect(page.locator('main').textContent()).resolves.toContain(
        'Deze link naar een pagina van de lijst klopt niet',
      );
    }
    await check(page, 'people-bad-link');
  });

  it('offers the search and the status filter on the other lists', async () => {
    for (const [path, status] of [
      ['/console/rounds', 'open'],
      ['/console/follow-ups', 'open'],
      ['/console/input-rounds', 'closed'],
      ['/console/bodies', ''],
      ['/console/partners', ''],
    ]) {
      await page.goto(`${h.rt.urls.app}${path}`);
      await expect(page.locator('form.search #q').count(), path).resolves.toBe(1);
      if (status) {
        await page.selectOption('#status', status);
        await page.click('form.search button');
        expect(new URL(page.url()).searchParams.get('status'), path).toBe(status);
        await expect(page.locator('#status').inputValue(), path).resolves.toBe(status);
      }
      if (path === '/console/rounds') await check(page, 'rounds-open');
    }
    await check(page, 'partners-search');
  });
});
