/// <reference lib="dom" />
/**
 * Documents in a real Chromium: the office uploads a file to a round with the console's form (the
 * browser posts it straight to the S3 stand-in and comes back), a member opens it through their own
 * link and gets the bytes from S3; a file that is not what it says is refused with a message; a
 * meeting's files per agenda line and its board pack. axe and screenshots at 390 and 1280 px.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessible as check, chromiumPath, closeConsole, openConsole, signIn } from '../support/console-browser';
import { Harness } from '../support/local';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PPTX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('[Content_Types].xml')]);

describe.skipIf(!chromiumPath)('programme office console in Chromium: documents', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let roundId: string;

  beforeAll(async () => {
    ({ h, browser, page } = await openConsole());
    await signIn(page, h);
    const round = await h.api('POST', '/api/rounds', {
      title: 'Convenant met bijlagen',
      summary: 'Gaat u akkoord met het convenant?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: '2026-11-20T17:00:00+01:00',
      reminders: [],
    });
    roundId = round.body.id;
    await h.rt.whenIdle();
  }, 60_000);
  afterAll(() => closeConsole({ h, browser }));

  const checkAccessible = (name: string) => check(page, name);

  it('uploads a PDF to a round with the form, and a member opens it through their own link', async () => {
    await page.goto(`${h.rt.urls.app}/console/rounds/${roundId}`);
    await page.click('a:has-text("Bestanden")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Bestanden bij de ronde "Convenant met bijlagen"');
    await checkAccessible('round-documents-empty');
    await page.setInputFiles('#upload-file', { name: 'Convenant café.pdf', mimeType: 'application/pdf', buffer: PDF });
    // The script filled in the kind and the name.
    await expect(page.locator('#upload-type').inputValue()).resolves.toBe('application/pdf');
    await page.click('button:has-text("Bestand toevoegen")');
    await page.waitForURL(/\/documents\?added=1$/);
    await expect(page.locator('[role=status]').textContent()).resolves.toBe('Het bestand is toegevoegd.');
    await expect(page.locator('table').textContent()).resolves.toContain('Convenant café.pdf');
    await checkAccessible('round-documents');

    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Convenant met bijlagen'))[0]);
    const member = await h.open(link);
    const href = /href="(\/d\/[^"]+\/documents\/[^"]+)"/.exec(member.html)?.[1];
    expect(href).toBeDefined();
    const file = await fetch(`${h.rt.urls.app}${href}`);
    expect(file.url.startsWith(h.rt.urls.s3)).toBe(true);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses a file whose content is not its kind, says why, and keeps nothing', async () => {
    await page.goto(`${h.rt.urls.app}/console/rounds/${roundId}/documents`);
    await page.setInputFiles('#upload-file', {
      name: 'programma.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 not a pdf'),
    });
    await page.click('button:has-text("Bestand toevoegen")');
    await page.waitForURL(/refused=bytes$/);
    await expect(page.locator('[role=alert]').textContent()).resolves.toContain('past niet bij het soort bestand');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await checkAccessible('round-documents-refused');
  });

  it("adds a presentation to a meeting's agenda line and shows it in the printable board pack", async () => {
    const series = await h.api('POST', '/api/meeting-series', {
      bodyId: 'alliantiebestuur',
      title: 'Vergadering alliantiebestuur',
      rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=2',
      startsOn: '2026-11-03',
      startTime: '19:00',
      durationMinutes: 120,
      location: 'Buurthuis De Punt',
      chairId: 'p-anouk-de-vries',
      secretaryId: 'p-pieter-van-leeuwen',
    });
    expect(series.status).toBe(201);
    await h.rt.whenIdle();
    const meetings = (await h.api('GET', `/api/meeting-series/${series.body.id}`)).body.meetings as { id: string }[];
    const meetingId = meetings[0].id;
    await page.goto(`${h.rt.urls.app}/console/meetings/${meetingId}/documents`);
    await checkAccessible('meeting-documents');
    await page.setInputFiles('#item-opening-file', {
      name: 'Welkom.pptx',
      mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      buffer: PPTX,
    });
    await page.click('#item-opening-file ~ p button');
    await page.waitForURL(/added=1$/);
    await page.click('a:has-text("Vergaderstukken")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Vergaderstukken: Vergadering alliantiebestuur');
    const opening = page.locator('ol.agenda > li', { hasText: 'Opening' });
    await expect(opening.locator('a').textContent()).resolves.toBe('Welkom.pptx');
    await expect(page.locator('main').textContent()).resolves.toContain('Buurthuis De Punt');
    await checkAccessible('board-pack');
    // The one download: every document in a ZIP, in a folder per agenda line, with its bytes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Alle stukken downloaden (zip)")'),
    ]);
    expect(download.suggestedFilename()).toBe('Vergaderstukken Vergadering alliantiebestuur 2026-11-10.zip');
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zip)).toEqual(['01 Opening/Welkom.pptx']);
    expect(Buffer.from(zip['01 Opening/Welkom.pptx']).equals(PPTX)).toBe(true);
  });

  it("lets a partner deliver a file on their own link's page", async () => {
    const round = await h.api('POST', '/api/input-rounds', {
      title: 'Jaarverslag partners',
      request: 'Stuur uw jaarverslag 2026.',
      organisationIds: ['woon'],
      deadline: '2026-11-20T17:00:00+01:00',
      reminders: [],
      bodyId: 'alliantiebestuur',
    });
    expect(round.status).toBe(201);
    await h.rt.whenIdle();
    const mail = (await h.mailTo('ruben.kok@example.org', 'Gevraagd: Jaarverslag partners'))[0];
    const link = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(mail.text)![0];
    await page.goto(link);
    await page.click('a:has-text("Een bestand aanleveren")');
    await checkAccessible('partner-documents');
    await page.setInputFiles('#upload-file', {
      name: 'Jaarverslag Woon.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.click('button:has-text("Bestand toevoegen")');
    await page.waitForURL(/added=1$/);
    await expect(page.locator('main').textContent()).resolves.toContain('Jaarverslag Woon.pdf');
    await checkAccessible('partner-documents-added');
  });
});
