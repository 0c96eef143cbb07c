/**
 * The local mailbox page over HTTP: newest first, searched by recipient and by subject, a page at a
 * time; one message with its product links and its calendar attachment; a hostile HTML body never
 * reaches the page itself, and its own frame may run no script. The stand-in's old viewer (which put
 * HTML into its page as it is) leads here now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../local/mailbox-view';
import { Harness } from '../support/local';
import { HOSTILE_HTML, invitationIcs, mailer, sendHostile, sendInvitation } from '../support/mailbox';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h?.stop());

const get = async (path: string) => {
  const res = await fetch(`${h.rt.urls.app}${path}`);
  return { status: res.status, headers: res.headers, html: await res.text() };
};
/** The message links of a list page, in the order shown. */
const subjects = (html: string) => [...html.matchAll(/class="subject" href="[^"]+">([^<]*)</g)].map((m) => m[1]);

describe('the mailbox page', () => {
  let decisionLink: string;
  beforeAll(async () => {
    await fetch(`${h.rt.urls.app}/local/demo/spuk`, { method: 'POST' });
    await h.rt.whenIdle();
    decisionLink = Harness.link((await h.mailTo('anouk.de.vries@example.org'))[0]);
    await h.advance('PT1H');
    await sendInvitation(decisionLink);
    await h.advance('PT1H');
    await sendHostile();
  });

  it('lists every email newest first, with the local clock’s time, linked from the home page', async () => {
    const home = await get('/');
    expect(home.html).toContain(`href="${h.rt.urls.mailboxPage}"`);
    const page = await get('/local/mailbox');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const shown = subjects(page.html);
    expect(shown[0]).toBe('Gevaarlijke inhoud &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(shown[1]).toBe('Uitnodiging: Kerngroep De Punt op dinsdag 10 november');
    expect(shown.slice(2).some((s) => s.includes('Aanvraag SPUK'))).toBe(true);
    // The clock was moved two hours after the demo started; the stamp is the clock's: 12:00 in Amsterdam.
    expect(page.html).toContain('maandag 2 november 2026 om 12:00 uur');
  });

  it('finds by recipient and by subject, in any case, and says when nothing fits', async () => {
    const byTo = await get('/local/mailbox?aan=ZOE.CELIK');
    expect(subjects(byTo.html)).toEqual(['Uitnodiging: Kerngroep De Punt op dinsdag 10 november']);
    expect(byTo.html).toContain('1 bericht gevonden');
    expect(byTo.html).toContain('value="ZOE.CELIK"');
    const bySubject = await get('/local/mailbox?onderwerp=spuk');
    const found = subjects(bySubject.html);
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((s) => /SPUK/.test(s))).toBe(true);
    const both = await get('/local/mailbox?aan=anouk&onderwerp=spuk');
    expect(subjects(both.html)).toHaveLength(1);
    const none = await get('/local/mailbox?aan=niemand%40example.org');
    expect(none.html).toContain('Geen berichten die hierbij passen.');
  });

  it('pages through many emails, keeping the search on the page links', async () => {
    for (let i = 0; i < PAGE_SIZE + 2; i++)
      await mailer.send({ to: `bulk.${i}@example.org`, tag: 't', subject: `Bulk ${i}`, text: 'x', html: '<p>x</p>' });
    const first = await get('/local/mailbox?aan=bulk.');
    expect(subjects(first.html)).toHaveLength(PAGE_SIZE);
    expect(subjects(first.html)[0]).toBe(`Bulk ${PAGE_SIZE + 1}`);
    expect(first.html).toContain('Pagina 1 van 2');
    expect(first.html).toContain('href="/local/mailbox?aan=bulk.&amp;pagina=2"');
    const second = await get('/local/mailbox?aan=bulk.&pagina=2');
    expect(subjects(second.html)).toEqual(['Bulk 1', 'Bulk 0']);
    // A page past the end, or no number at all, is the nearest page: never an error.
    expect(subjects((await get('/local/mailbox?aan=bulk.&pagina=99')).html)).toEqual(['Bulk 1', 'Bulk 0']);
    expect((await get('/local/mailbox?pagina=abc')).status).toBe(200);
  });

  it('shows one message with its signed link and its calendar invitation to download', async () => {
    const list = await get('/local/mailbox?aan=zoe');
    const href = /class="subject" href="([^"]+)"/.exec(list.html)?.[1].replace(/&amp;/g, '&');
    expect(href).toMatch(/^\/local\/mailbox\/ses-\d+\?aan=zoe$/);
    const msg = await get(href!);
    expect(msg.status).toBe(200);
    expect(msg.html).toContain('<dd>zoe.celik@example.org</dd>');
    expect(msg.html).toContain(`<a href="${decisionLink}">${decisionLink}</a>`);
    expect(msg.html).toContain('href="/local/mailbox?aan=zoe">Terug naar de mailbox');
    // The link is the product's own: it opens the decision page.
    expect((await h.open(decisionLink)).status).toBe(200);
    const file = /href="(\/local\/mailbox\/[^"]+\/bijlage\/\d+)" download="([^"]+)"/.exec(msg.html);
    expect(file?.[2]).toMatch(/\.ics$/);
    const ics = await fetch(`${h.rt.urls.app}${file![1]}`);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"/]+\.ics"/);
    const body = (await ics.text()).replace(/\r\n/g, '\n');
    expect(body).toContain('METHOD:REQUEST');
    expect(body).toContain('UID:ms-kerngroep-2026-11-10@alliance-cycle.example.org');
    expect(body.trim()).toBe(invitationIcs().replace(/\r\n/g, '\n').trim());
    // Its text part, as sent.
    expect(msg.html).toContain('U bent uitgenodigd. Kunt u niet komen?');
  });

  it('never puts a hostile HTML body into the page, and frames it in a sandbox without script', async () => {
    const list = await get('/local/mailbox?aan=mallory');
    const href = /class="subject" href="([^"?]+)/.exec(list.html)![1];
    const msg = await get(href);
    expect(msg.html).not.toContain('<script');
    expect(msg.html).not.toContain('onerror');
    expect(msg.html).toContain('Gevaarlijke inhoud &lt;script&gt;');
    const frame = /<iframe src="([^"]+)"[^>]*sandbox="([^"]*)"/.exec(msg.html);
    expect(frame?.[1]).toBe(`${href}/html`);
    expect(frame?.[2]).not.toContain('allow-scripts');
    expect(frame?.[2]).not.toContain('allow-same-origin');
    expect(msg.headers.get('content-security-policy')).not.toMatch(/script-src/);
    const body = await get(`${href}/html`);
    expect(body.html).toContain(HOSTILE_HTML);
    const csp = body.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^sandbox allow-popups allow-popups-to-escape-sandbox;/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|allow-scripts|allow-same-origin/);
  });

  it('answers a message, part or file that does not exist with a Dutch 404, and writes nothing', async () => {
    for (const path of ['/local/mailbox/ses-1', '/local/mailbox/%E0%A4%A', '/local/mailbox/x/bijlage/1']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.html).toContain('Dit bericht bestaat niet (meer)');
    }
    const id = /class="subject" href="\/local\/mailbox\/([^"?]+)/.exec((await get('/local/mailbox?aan=zoe')).html)![1];
    for (const part of ['bijlage/0', 'bijlage/9', 'bijlage/../1', 'html/x', 'iets'])
      expect((await get(`/local/mailbox/${id}/${part}`)).status, part).toBe(404);
    const post = await fetch(`${h.rt.urls.app}/local/mailbox`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('sends the SES stand-in’s old viewer here; its API and JSON stay', async () => {
    const res = await fetch(`${h.rt.urls.mailbox}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(h.rt.urls.mailboxPage);
    expect((await h.mailTo('zoe.celik@example.org')).length).toBe(1);
  });
});
