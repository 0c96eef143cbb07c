/// <reference lib="dom" />
/**
 * The console in a real Chromium, for the browser test files: a local runtime with demo data, a
 * browser context in Dutch and Amsterdam time at desktop width, one page; axe-core and screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath, launch, screenshots, seriousViolations } from './browser';
import { Harness } from './local';

export { chromiumPath };

if (!chromiumPath)
  console.warn('Browser tests skipped: no Chromium found (Debian: apt-get install chromium; .ci/run installs it).');

export interface ConsoleBrowser {
  h: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

export async function openConsole(): Promise<ConsoleBrowser> {
  const h = await Harness.start();
  const browser = await launch();
  // CSP stays on: the console's own script must run under it (the live round page depends on it).
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  return { h, browser, context, page: await context.newPage() };
}

export async function closeConsole(c: Partial<ConsoleBrowser>): Promise<void> {
  await c.browser?.close();
  await c.h?.stop();
}

/** Signs in with the access code from the local runtime, as the office does. */
export async function signIn(page: Page, h: Harness): Promise<void> {
  await page.goto(`${h.rt.urls.app}/console`);
  await page.fill('#code', h.rt.officeToken);
  await page.click('button[type=submit]');
}

/** No serious or critical axe-core violation on the page; its screenshots at phone and desktop width. */
export async function checkAccessible(page: Page, name: string): Promise<void> {
  // Axe measures the laid-out page (target-size): on a loaded machine the stylesheet may still be on
  // its way after a form's redirect, and unstyled links are small targets.
  await page.waitForLoadState('load');
  await page.waitForFunction(() => [...document.styleSheets].every((s) => s.cssRules !== null));
  expect(await seriousViolations(page), name).toEqual([]);
  await screenshots(page, name);
}

/** A moment as a datetime-local field takes it: Amsterdam wall time, "2026-12-10T17:00". */
export function amsterdamInput(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(' ', 'T');
}
