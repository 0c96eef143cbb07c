/// <reference lib="dom" />
/**
 * A resident's answer page in a real Chromium: what is asked and by when, one text to write, sent
 * with the button, and the answer back in the field to change; axe-core on each page, screenshots
 * at phone and desktop width.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launch, screenshots, seriousViolations } from '../support/browser';
import { Harness } from '../support/local';

describe.skipIf(!chromiumPath)("a resident's input page in Chromium", () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let link = '';

  beforeAll(async () => {
    h = await Harness.start();
    browser = await launch();
    page = await browser.newPage();
    const res = await h.api('POST', '/api/input-rounds', {
      title: 'Wat vinden bewoners belangrijk?',
      request: 'Welke criteria vindt u belangrijk?\nWat moet er in de aanvraag staan?',
      personIds: ['p-ria-jansen'],
      deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
      bodyId: 'kerngroep-de-punt',
    });
    expect(res.status).toBe(201);
    await h.rt.whenIdle();
    const [ask] = await h.mailTo('ria.jansen@example.org', 'Wat vindt u?');
    link = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(ask.text)![0];
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('shows the question and a field to answer, accessible', async () => {
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Wat vinden bewoners belangrijk?');
    await expect(page.locator('label[for=text]').textContent()).resolves.toContain('Uw antwoord');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'resident-input');
  });

  it('sends the answer with the button, and shows it again to change', async () => {
    await page.fill('#text', 'Een veilige route naar school');
    await page.click('button[type=submit]');
    await expect(page.locator('.notice').textContent()).resolves.toContain('Wij hebben uw antwoord ontvangen');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(link);
    await expect(page.locator('#text').inputValue()).resolves.toBe('Een veilige route naar school');
    await expect(page.locator('.notice').textContent()).resolves.toContain('U kunt het hieronder veranderen');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'resident-input-answered');
  });
});
