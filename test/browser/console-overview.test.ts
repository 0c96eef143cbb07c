/// <reference lib="dom" />
/**
 * The overview in Chromium with what needs a person: an action item that stopped twice and an address
 * that bounced, each with its action; the office follows "Adres aanpassen", fixes the address, and the
 * line is gone. axe-core finds nothing serious; screenshots at 390 and 1280 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessible, chromiumPath, closeConsole, openConsole, signIn } from '../support/console-browser';
import type { Harness } from '../support/local';
import { createItem, MACHINE } from '../e2e/follow-up-support';

describe.skipIf(!chromiumPath)('the console overview in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ h, browser, page } = await openConsole());
  });
  afterAll(() => closeConsole({ h, browser }));

  it('lists a stopped action item and a bounced address with their actions, and the fix takes it off', async () => {
    const id = await createItem(h, 'Speeltuin opknappen', '2027-03-01T17:00:00+01:00');
    const execution = (name: string) => `${MACHINE.replace(':stateMachine:', ':execution:')}:${name}`;
    h.rt.sfn.stopExecution(execution(id));
    await h.advance('P1D');
    const [restarted] = h.rt.sfn.listExecutions(MACHINE, 'RUNNING').filter((e) => e.name.startsWith(`${id}--r`));
    h.rt.sfn.stopExecution(execution(restarted.name));
    await h.advance('P2D');

    await signIn(page, h);
    await page.goto(`${h.rt.urls.app}/console/people/p-ruben-kok`);
    await page.fill('#email', 'bounce@simulator.amazonses.com');
    await page.click('main button[type=submit]');
    const round = await h.api('POST', '/api/rounds', {
      title: 'Begroting buurthuis',
      summary: 'Akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
    });
    expect(round.status).toBe(201);
    await h.rt.whenIdle();

    await page.goto(`${h.rt.urls.app}/console`);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toContain('E-mailadres werkt niet');
    expect(headings).toContain('Loopt niet meer vanzelf');
    await expect(page.locator(`a[href="/console/follow-ups/${id}"]:text("Bekijken")`).count()).resolves.toBe(1);
    await checkAccessible(page, 'console-overview-attention');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.click('a:text("Adres aanpassen")');
    expect(new URL(page.url()).pathname).toBe('/console/people/p-ruben-kok');
    await page.fill('#email', 'ruben.kok@example.org');
    await page.click('main button[type=submit]');
    await page.goto(`${h.rt.urls.app}/console`);
    expect(await page.locator('main h2').allTextContents()).not.toContain('E-mailadres werkt niet');
  });
});
