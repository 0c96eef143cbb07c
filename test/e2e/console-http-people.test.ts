/**
 * An input round of people through the console over HTTP on the local runtime: created with the
 * form for residents (one by one and a group's residents), each person by name with how they
 * answered, and the office's written input with its refusals (fields, her own answer, a closed round).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, inDays, request, signIn, startSignedIn } from '../support/console-client';

beforeAll(startSignedIn);
afterAll(() => h.stop());

const TITLE = 'Wat wilt u in het buurtplan?';
const MONTHS = 'januari februari maart april mei juni juli augustus september oktober november december'.split(' ');
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('an input round of residents on the console', () => {
  let id = '';
  const page = async () => main((await request('GET', `/console/input-rounds/${id}`)).html);
  const record = (form: Record<string, string>) =>
    request('POST', `/console/input-rounds/${id}/written-input`, { _csrf: csrf, ...form });
  const round = async () => (await h.api('GET', `/api/input-rounds/${id}`)).body;

  it('offers residents and groups on the new form, and asks partners or residents, not both', async () => {
    const form = main((await request('GET', '/console/input-rounds/new')).html);
    expect(form).toContain('name="personIds" value="p-ria-jansen"');
    // Residents only: a partner's contact is no resident.
    expect(form).not.toContain('name="personIds" value="p-ruben-kok"');
    expect(form).toMatch(/<select id="residentsOf"[^>]*>[\s\S]*Themagroep Veiligheid/);
    const before = (await h.api('GET', '/api/input-rounds')).body.inputRounds.length;
    const base = { _csrf: csrf, title: TITLE, request: 'Wat moet er beter?', deadline: inDays(10) };
    const both = await request('POST', '/console/input-rounds', {
      ...base,
      bodyId: 'kerngroep-de-punt',
      organisationIds: ['woon'],
      personIds: ['p-ria-jansen'],
    });
    expect(both.status).toBe(400);
    expect(both.html).toContain('Kies partners óf bewoners, niet allebei.');
    expect(both.html).toContain(`value="${TITLE}"`);
    const none = await request('POST', '/console/input-rounds', { ...base, bodyId: 'kerngroep-de-punt' });
    expect(none.status).toBe(400);
    expect(none.html).toContain('Kies ten minste één partner met een contactpersoon, of bewoners.');
    expect((await h.api('GET', '/api/input-rounds')).body.inputRounds.length).toBe(before);
    const once = /name="once" value="([^"]+)"/.exec(form)![1];
    const post = () =>
      request('POST', '/console/input-rounds', {
        ...base,
        once,
        bodyId: 'kerngroep-de-punt',
        personIds: ['p-ria-jansen', 'p-hamid-ouali'],
        residentsOf: 'themagroep-veiligheid',
        reminders: ['P3D'],
        escalate: 'yes',
      });
    const made = await post();
    expect(made.status).toBe(303);
    id = made.location!.split('/').pop()!;
    // The same form sent twice (a double click, a reload) asks everyone once.
    expect((await post()).location).toBe(made.location);
    expect((await h.api('GET', '/api/input-rounds')).body.inputRounds.length).toBe(before + 1);
    // The group's residents (Kees Brouwer), not its partner member (Jeroen Bakker); never escalated.
    expect(await round()).toMatchObject({
      organisationIds: [],
      personIds: ['p-ria-jansen', 'p-hamid-ouali', 'p-kees-brouwer'],
      escalate: false,
    });
    await h.rt.whenIdle();
    expect(await h.mailTo('kees.brouwer@example.org', `Wat vindt u? ${TITLE}`)).toHaveLength(1);
  });

  it('lists each person by name with how they answered, and who has not answered yet', async () => {
    const [ask] = await h.mailTo('ria.jansen@example.org', `Wat vindt u? ${TITLE}`);
    const link = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(ask.text)![0];
    const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
    expect((await h.post(link, { proof, text: 'Meer groen & <veilig> oversteken' })).status).toBe(200);
    const list = main((await request('GET', '/console/input-rounds')).html);
    const row = /<tr>(?:(?!<\/tr>).)*Wat wilt u in het buurtplan\?(?:(?!<\/tr>).)*<\/tr>/.exec(list)![0];
    expect(row).toContain('<td>1 / 3 antwoorden</td>');
    const html = await page();
    expect(html).toContain('Ria Jansen');
    expect(html).toContain('Zelf, via de eigen link');
    expect(html).toContain('Meer groen &amp; &lt;veilig&gt; oversteken');
    expect(html).toContain('Nog geen antwoord van 2 personen');
    expect(html).toMatch(/<li>Hamid Ouali<\/li>\s*<li>Kees Brouwer<\/li>/);
    expect(html).not.toContain('@example.org');
    // The office's form offers only those without an answer of their own.
    const options = /<select id="personId"[\s\S]*?<\/select>/.exec(html)![0];
    expect(options).toContain('Hamid Ouali');
    expect(options).not.toContain('Ria Jansen');
  });

  it('refuses written input with a message per field, keeping what was typed, and without the form secret', async () => {
    const tomorrow = inDays(1).slice(0, 10);
    const bad = await record({ personId: 'p-hamid-ouali', receivedAt: tomorrow, text: 'Meer bankjes' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Kies hoe de inbreng binnenkwam.');
    expect(bad.html).toContain('Kies een datum van ontvangst van vandaag of eerder.');
    expect(bad.html).toContain('Meer bankjes</textarea>');
    expect(bad.html).toContain(`value="${tomorrow}"`);
    expect(bad.html).toMatch(/<option value="p-hamid-ouali" selected/);
    const empty = await record({ personId: 'p-hamid-ouali', via: 'fax', text: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('Schrijf de inbreng op');
    const stranger = await record({ personId: 'p-ruben-kok', via: 'letter', text: 'Iets' });
    expect(stranger.status).toBe(400);
    expect(stranger.html).toContain('Kies van wie de inbreng is.');
    const forged = await request('POST', `/console/input-rounds/${id}/written-input`, {
      personId: 'p-hamid-ouali',
      via: 'letter',
      text: 'Zonder geheim',
    });
    expect(forged.status).toBe(403);
    expect((await round()).answers['p-hamid-ouali']).toBeUndefined();
  });

  it('never writes over her own answer: 409 in words, nothing changed', async () => {
    const res = await record({ personId: 'p-ria-jansen', via: 'phone', text: 'Door de telefoon' });
    expect(res.status).toBe(409);
    expect(res.html).toContain('Deze persoon heeft zelf al geantwoord via de eigen link.');
    expect(res.html).toContain('Door de telefoon</textarea>');
    expect((await round()).answers['p-ria-jansen']).toMatchObject({ text: 'Meer groen & <veilig> oversteken' });
    expect((await round()).answers['p-ria-jansen']).not.toHaveProperty('via');
  });

  it("records his letter with the day it came in, shown on the page and the round's timeline", async () => {
    const yesterday = inDays(-1).slice(0, 10);
    const res = await record({ personId: 'p-hamid-ouali', via: 'letter', receivedAt: yesterday, text: 'Bankjes' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/console/input-rounds/${id}?m=recorded`);
    const answer = (await round()).answers['p-hamid-ouali'];
    expect(answer).toMatchObject({ kind: 'answered', via: 'letter', text: 'Bankjes', recordedBy: expect.any(String) });
    // The start of that day in Amsterdam.
    const wall = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    expect(wall.format(new Date(answer.receivedAt))).toBe(`${yesterday} 00:00`);
    const html = main((await request('GET', res.location!)).html);
    expect(html).toContain('De inbreng is genoteerd.');
    expect(html).toContain('Genoteerd door het programmabureau: brief');
    const [y, m, d] = yesterday.split('-').map(Number);
    expect(html).toContain(`ontvangen op ${d} ${MONTHS[m - 1]} ${y}`);
    expect(html).toContain('Nog geen antwoord van 1 persoon');
    expect(html).toContain('Schriftelijke inbreng genoteerd — Hamid Ouali');
    // The office may correct what it recorded itself: Hamid stays in its form.
    expect(/<select id="personId"[\s\S]*?<\/select>/.exec(html)![0]).toContain('Hamid Ouali');
    expect(main((await request('GET', '/console/input-rounds')).html)).toContain('<td>2 / 3 antwoorden</td>');
  });

  it('says so when the round has closed, and refuses a partner round and an unknown one without a 500', async () => {
    const partners = await h.api('POST', '/api/input-rounds', {
      title: 'Cijfers',
      request: 'Aantallen',
      organisationIds: ['woon'],
      deadline: new Date(h.rt.clock.now().getTime() + 5 * 86400_000).toISOString(),
      bodyId: 'alliantiebestuur',
    });
    const toPartners = await request('POST', `/console/input-rounds/${partners.body.id}/written-input`, {
      _csrf: csrf,
      personId: 'p-hamid-ouali',
      via: 'letter',
      text: 'Iets',
    });
    expect(toPartners.status).toBe(400);
    expect(toPartners.html).toContain('Kies van wie de inbreng is.');
    expect((await request('GET', '/console/input-rounds/u-none')).status).toBe(404);
    expect((await record({ personId: 'p-kees-brouwer', via: 'letter', text: 'x' })).status).toBe(303);
    await h.advance('P11D');
    await h.rt.whenIdle();
    await signIn();
    const late = await record({ personId: 'p-kees-brouwer', via: 'meeting', text: 'Te laat' });
    expect(late.status).toBe(409);
    expect(late.html).toContain('De uitvraag is gesloten. Er is niets genoteerd.');
    expect(late.html).not.toContain('name="personId"');
    expect((await round()).answers['p-kees-brouwer'].text).toBe('x');
  });
});
