/**
 * The public accountability page over HTTP on the local runtime, on the moved clock: a board
 * decision, an action item done, an open huis with what we did with it, and a consultation with
 * its summary and outcome, all made through the APIs and the public forms; then /verantwoording
 * and its Atom feed show each, hold no name or email of anyone in the directory (nor of the
 * registrant and the resident who answered), and the feed is read by a strict XML parser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';
import { parseStrictXml } from '../support/strict-xml';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const RESIDENT = { name: 'Latifa Bennani', email: 'latifa.bennani@voorbeeld.nl' };
const ANSWERER = { name: 'Youssef El Idrissi', email: 'youssef@voorbeeld.nl' };

/** Every person's name and email in the directory, page by page. */
async function directoryPeople(): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { people: { name: string; email: string }[]; nextCursor: string | null } } = await h.api(
      'GET',
      `/api/people?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const p of res.body.people) out.push(p.name, p.email);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

const get = async (path: string) => {
  const res = await fetch(`${h.rt.urls.app}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

describe('the public accountability page', () => {
  let eventId = '';
  let consultationId = '';

  it('is there before anything happened, saying so in plain words', async () => {
    const page = await get('/verantwoording');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Wat is er met uw inbreng gebeurd?');
    expect(page.text).toContain('Er zijn nog geen besluiten.');
    expect(parseStrictXml((await get('/verantwoording.atom')).text).root).toBe('feed');
  });

  it('shows a decision, an action done, what we did with an event, and a consultation’s outcome', async () => {
    const now = h.rt.clock.now().getTime();
    const round = await h.api('POST', '/api/rounds', {
      title: 'Buurtbudget Slotermeer',
      summary: 'Gaat u akkoord met het buurtbudget?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'first-response' },
      deadline: new Date(now + 10 * 86_400_000).toISOString(),
      reminders: [],
      documents: [],
    });
    expect(round.status).toBe(201);
    await h.rt.whenIdle();
    const invite = (await h.mail()).find((m) => m.subject.includes('Buurtbudget Slotermeer'))!;
    expect((await h.decide(Harness.link(invite), 'approve')).status).toBe(200);

    const item = await h.api('POST', '/api/follow-ups', {
      what: 'Speelplek opknappen',
      due: '2026-11-30T17:00:00+01:00',
      bodyId: 'alliantiebestuur',
      origin: { kind: 'decision', ref: round.body.id },
      ownerOrganisationId: 'gemeente',
    });
    expect(item.status).toBe(201);
    await h.rt.whenIdle();
    const done = await h.api('POST', `/api/follow-ups/${item.body.id}/steer`, {
      action: 'done',
      result: 'De speelplek heeft nieuwe schommels.',
    });
    expect(done.status).toBe(200);

    const made = await h.api('POST', '/api/events', {
      kind: 'open-huis',
      title: 'Open huis Groen',
      theme: 'Groen en spelen',
      description: 'Praat mee over groen in de buurt.',
      place: 'Huis van de Wijk',
      address: 'Burgemeester Fockstraat 3, Amsterdam',
      start: '2026-11-05T19:00:00+01:00',
      end: '2026-11-05T21:00:00+01:00',
      accessibility: 'Drempelvrij.',
      languages: ['Nederlands'],
      capacity: 20,
    });
    eventId = made.body.events[0].id;
    const form = await h.open(`${h.rt.urls.app}/bijeenkomsten/${eventId}`);
    const proof = /name="proof" value="([^"]+)"/.exec(form.html)![1];
    const reg = { proof, ...RESIDENT, people: '1', lang: 'nl', consent: 'yes' };
    expect((await h.post(`${h.rt.urls.app}/bijeenkomsten/${eventId}`, reg)).status).toBe(200);

    const consult = await h.api('POST', '/api/consultations', {
      title: 'Bankjes op het plein',
      question: 'Waar wilt u een bankje?',
      explanation: 'We plaatsen er tien.',
      deadline: '2026-11-10T17:00:00+01:00',
    });
    consultationId = consult.body.id;
    expect(
      (
        await h.post(`${h.rt.urls.app}/inspraak/${consultationId}`, {
          text: 'Bij de fontein',
          ...ANSWERER,
          consent: 'yes',
        })
      ).status,
    ).toBe(200);

    await h.to('2026-11-13T09:00:00Z');
    expect((await h.api('POST', `/api/events/${eventId}/heard`, { text: 'Bewoners willen meer bomen.' })).status).toBe(
      200,
    );
    expect(
      (
        await h.api('POST', `/api/consultations/${consultationId}/summary`, {
          version: 1,
          text: 'Bewoners willen bankjes bij de fontein.',
        })
      ).status,
    ).toBe(200);
    await h.to('2027-02-01T09:00:00Z');
    const did = await h.api('POST', `/api/events/${eventId}/did`, {
      text: 'Het stadsdeel plant in maart twintig bomen.',
      links: [],
    });
    expect(did.status).toBe(200);
    const outcome = await h.api('POST', `/api/consultations/${consultationId}/outcome`, {
      version: 2,
      text: 'Er komen zes bankjes bij de fontein.',
      links: [],
    });
    expect(outcome.status).toBe(200);
    await h.rt.whenIdle();

    const page = await get('/verantwoording');
    expect(page.status).toBe(200);
    for (const shown of [
      'Buurtbudget Slotermeer',
      'Het voorstel is aangenomen.',
      'Speelplek opknappen',
      'De speelplek heeft nieuwe schommels.',
      'Open huis Groen',
      'Het stadsdeel plant in maart twintig bomen.',
      'Bankjes op het plein',
      'Bewoners willen bankjes bij de fontein.',
      'Er komen zes bankjes bij de fontein.',
      'href="p/alliantiebestuur"',
    ])
      expect(page.text, shown).toContain(shown);
    expect(page.text).toMatch(/[1-9]\d* klaar, \d+ op tijd bezig, \d+ te laat\./);
    const english = await get('/verantwoording?lang=en');
    expect(english.text).toContain('What happened with your input?');
    expect(english.text).toContain('The proposal was approved.');
  });

  it('offers an Atom feed of it, well-formed, with a stable entry for each', async () => {
    const feed = await get('/verantwoording.atom');
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('application/atom+xml');
    const doc = parseStrictXml(feed.text);
    expect(doc).toMatchObject({ root: 'feed', ns: 'http://www.w3.org/2005/Atom' });
    const titles = doc.elements.filter((e) => e.name === 'title').map((e) => e.text);
    for (const t of [
      'Besluit: Buurtbudget Slotermeer',
      'Klaar: Speelplek opknappen',
      'Wat we deden met: Open huis Groen',
      'Uitkomst van de inspraak: Bankjes op het plein',
    ])
      expect(titles).toContain(t);
    const ids = doc.elements.filter((e) => e.name === 'id').map((e) => e.text);
    expect(ids.every((id) => id.startsWith('tag:'))).toBe(true);
    expect(ids.filter((id) => id.endsWith(`:event-did/${eventId}`))).toHaveLength(1);
    expect(ids.filter((id) => id.endsWith(`:consultation-outcome/${consultationId}`))).toHaveLength(1);
    // Read again a day later: the same ids.
    await h.advance('P1D');
    const again = parseStrictXml((await get('/verantwoording.atom')).text);
    expect(again.elements.filter((e) => e.name === 'id').map((e) => e.text)).toEqual(ids);
  });

  it('holds no name or email of anyone in the directory, nor of the resident who came or answered', async () => {
    const people = await directoryPeople();
    expect(people.length).toBeGreaterThan(20);
    const texts = await Promise.all(
      ['/verantwoording', '/verantwoording?lang=en', '/verantwoording.atom', '/verantwoording.atom?lang=en'].map(
        async (p) => (await get(p)).text,
      ),
    );
    for (const text of texts)
      for (const personal of [...people, ...Object.values(RESIDENT), ...Object.values(ANSWERER)])
        expect(text, personal).not.toContain(personal);
  });

  it('is linked from the other public pages, and links back', async () => {
    for (const path of [
      '/cycli',
      '/actielijnen',
      '/p/alliantiebestuur',
      '/bijeenkomsten',
      `/inspraak/${consultationId}`,
    ])
      expect((await get(path)).text, path).toMatch(/href="(\.\.\/|\/)?verantwoording"/);
  });
});
