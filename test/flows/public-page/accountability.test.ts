/**
 * The accountability page and its Atom feed from plain data: what each section shows, escaped;
 * no person's name or email (registrants, owners, the office's writers) though the data holds them;
 * B1 headings in Dutch, English with ?lang=en; a feed that a strict XML parser reads, with stable
 * tag: ids, and an entry per decision, action done, event's "what we did" and consultation outcome.
 */
import { describe, expect, it } from 'vitest';
import { accountabilityPage } from '../../../functions/flows/public-page/accountability';
import { accountability, type Sources } from '../../../functions/flows/public-page/accountability-data';
import { accountabilityFeed } from '../../../functions/flows/public-page/accountability-feed';
import { parseStrictXml } from '../../support/strict-xml';

const now = new Date('2027-03-01T12:00:00.000Z');
const PERSONAL = ['Yara Haddad', 'yara@voorbeeld.nl', 'Sanne de Vries', 'sanne@gemeente.example', 'p-anouk'];

const round = (id: string, title: string, outcome: string, closedAt: string) => ({
  id,
  title,
  summary: `Voorstel ${title} & meer`,
  bodyId: 'board',
  bodyName: 'Alliantiebestuur',
  status: 'closed',
  outcome,
  closedAt,
  createdBy: 'Sanne de Vries',
});
const item = (id: string, status: string, due: string, extra: object = {}) => ({
  id,
  what: `Actie ${id}`,
  owner: { personId: 'p-anouk' },
  due,
  bodyId: 'board',
  status,
  createdAt: '2026-10-01T08:00:00.000Z',
  createdBy: 'Sanne de Vries',
  ...extra,
});
const registration = {
  id: 'r1',
  name: 'Yara Haddad',
  email: 'yara@voorbeeld.nl',
  people: 2,
  needs: [],
  status: 'confirmed',
};
const event = (id: string, start: string, did?: string) => ({
  id,
  kind: 'open-huis',
  title: `Open huis <${id}>`,
  theme: 'Wonen',
  place: 'Buurthuis De Boeg',
  address: 'Pieter Calandlaan 1',
  start,
  end: new Date(Date.parse(start) + 2 * 3_600_000).toISOString(),
  status: 'published',
  registrations: [registration],
  createdBy: 'Sanne de Vries',
  ...(did ? { did: { text: did, at: '2027-02-01T09:00:00.000Z', links: [] } } : {}),
});

const sources = (): Sources =>
  ({
    rounds: [
      round('r1', 'Begroting 2027', 'approved', '2026-12-10T10:00:00.000Z'),
      round('r2', 'Gestopt voorstel', 'cancelled', '2026-12-11T10:00:00.000Z'),
      round('r3', 'Nieuw speelveld', 'rejected', '2027-01-10T10:00:00.000Z'),
    ],
    items: [
      item('a1', 'done', '2026-12-01T10:00:00.000Z', {
        result: 'Klaar <b>echt</b>',
        closedAt: '2026-11-30T10:00:00.000Z',
      }),
      item('a2', 'open', '2027-04-01T10:00:00.000Z'),
      item('a3', 'open', '2027-02-01T10:00:00.000Z'),
      item('a4', 'blocked', '2027-01-01T10:00:00.000Z'),
      item('a5', 'cancelled', '2027-01-01T10:00:00.000Z'),
    ],
    cycles: [{ status: 'running' }, { status: 'done' }, { status: 'cancelled' }],
    actielijnen: [{ status: 'active' }, { status: 'active' }, { status: 'ended' }],
    bodies: [{ id: 'board', name: 'Alliantiebestuur' }],
    events: [
      event('e-past', '2027-01-15T17:00:00.000Z', 'We zetten een bankje neer & een boom.'),
      event('e-past2', '2027-02-15T17:00:00.000Z'),
      event('e-coming', '2027-03-20T17:00:00.000Z'),
    ],
    consultations: [
      {
        id: 'c1',
        title: 'Speeltuin',
        question: 'Waar moet de speeltuin komen?',
        deadline: '2027-01-20T16:00:00.000Z',
        status: 'published',
        summary: {
          text: '20 bewoners willen hem bij de vijver.',
          at: '2027-01-25T10:00:00.000Z',
          by: 'Sanne de Vries',
        },
        outcome: { text: 'Hij komt bij de vijver.', at: '2027-02-20T10:00:00.000Z', by: 'Sanne de Vries', links: [] },
      },
      {
        id: 'c2',
        title: 'Bankjes',
        question: 'Waar wilt u een bankje?',
        deadline: '2027-03-10T16:00:00.000Z',
        status: 'open',
      },
    ],
    now,
  }) as unknown as Sources;

describe('the accountability page', () => {
  const data = accountability(sources());
  const nl = accountabilityPage(data, 'nl');

  it('shows decisions with their outcome, not a stopped round; counts the agreements; the plans and bodies', () => {
    expect(data.decisions.map((d) => d.id)).toEqual(['r3', 'r1']);
    expect(nl).toContain('Het voorstel is aangenomen.');
    expect(nl).toContain('Het voorstel is niet aangenomen.');
    expect(nl).not.toContain('Gestopt voorstel');
    // a1 done; a2 on time; a3 (open) and a4 (blocked) past due: late; a5 cancelled: not counted.
    expect(data.actions).toMatchObject({ done: 1, onTime: 1, late: 2 });
    expect(nl).toContain('1 klaar, 1 op tijd bezig, 2 te laat.');
    expect(nl).toContain('1 lopen nu, 0 beginnen binnenkort, 1 zijn afgerond.');
    expect(nl).toContain('Actielijnen: 2 lopen, 1 zijn afgerond.');
    expect(nl).toContain('href="p/board"');
    expect(nl).toContain('href="cycli"');
    expect(nl).toContain('href="actielijnen"');
  });

  it('shows past events with what we did (or that it is coming), coming events, consultations with summary and outcome', () => {
    expect(data.pastEvents.map((e) => e.id)).toEqual(['e-past2', 'e-past']);
    expect(data.comingEvents.map((e) => e.id)).toEqual(['e-coming']);
    expect(nl).toContain('We zetten een bankje neer &amp; een boom.');
    expect(nl).toContain('Dit schrijven we hier zodra we het weten.');
    expect(nl).toContain('20 bewoners willen hem bij de vijver.');
    expect(nl).toContain('Hij komt bij de vijver.');
    expect(nl).toContain('U kunt reageren tot');
    expect(nl).toContain('href="inspraak/c1"');
  });

  it('escapes what the office wrote and holds no personal data', () => {
    expect(nl).toContain('Open huis &lt;e-past&gt;');
    expect(nl).toContain('Klaar &lt;b&gt;echt&lt;/b&gt;');
    expect(nl).not.toContain('<b>echt');
    for (const lang of ['nl', 'en'] as const) {
      const html = accountabilityPage(data, lang);
      for (const p of PERSONAL) expect(html).not.toContain(p);
    }
  });

  it('has plain Dutch headings, and English ones with lang=en', () => {
    const headings = (html: string) => [...html.matchAll(/<h[12]>([^<]+)<\/h[12]>/g)].map((m) => m[1]);
    expect(headings(nl)).toEqual([
      'Wat is er met uw inbreng gebeurd?',
      'Besluiten van het bestuur',
      'Afspraken: wat is er gedaan?',
      'Plannen en stappen',
      'Geweest: wat hebben we ermee gedaan?',
      'Binnenkort',
      'Inspraak: wat vonden bewoners, en wat is ermee gedaan?',
    ]);
    const en = accountabilityPage(data, 'en');
    expect(en).toContain('<html lang="en">');
    expect(headings(en)[0]).toBe('What happened with your input?');
    expect(en).toContain('href="cycli?lang=en"');
  });

  it('says so when there is nothing yet', () => {
    const empty = accountability({
      ...sources(),
      rounds: [],
      items: [],
      cycles: [],
      actielijnen: [],
      bodies: [],
      events: [],
      consultations: [],
    });
    const html = accountabilityPage(empty, 'nl');
    for (const s of [
      'Er zijn nog geen besluiten.',
      'Er zijn nog geen bijeenkomsten geweest.',
      'Er is nog geen inspraak geweest.',
    ])
      expect(html).toContain(s);
  });
});

describe('the Atom feed', () => {
  const data = accountability(sources());
  const xml = accountabilityFeed(data, 'nl', 'https://alliantie.example', now);

  it('is well-formed Atom with a feed id, updated, and an entry per decision, action done, what we did and outcome', () => {
    const doc = parseStrictXml(xml);
    expect(doc.root).toBe('feed');
    expect(doc.ns).toBe('http://www.w3.org/2005/Atom');
    const els = doc.elements;
    const top = (name: string) => els.find((e) => e.name === name)!.text;
    expect(top('id')).toBe('tag:alliantie.example,2026:feed/verantwoording-nl');
    // The newest entry: the consultation's outcome.
    expect(top('updated')).toBe('2027-02-20T10:00:00.000Z');
    const ids = els.filter((e) => e.name === 'id').map((e) => e.text);
    expect(ids.slice(1).sort()).toEqual(
      [
        'tag:alliantie.example,2026:decision/r1',
        'tag:alliantie.example,2026:decision/r3',
        'tag:alliantie.example,2026:action-done/a1',
        'tag:alliantie.example,2026:event-did/e-past',
        'tag:alliantie.example,2026:consultation-outcome/c1',
      ].sort(),
    );
    const titles = els.filter((e) => e.name === 'title').map((e) => e.text);
    expect(titles).toContain('Wat we deden met: Open huis <e-past>');
    expect(titles).toContain('Klaar: Actie a1');
    expect(els.filter((e) => e.name === 'summary').map((e) => e.text)).toContain(
      'We zetten een bankje neer & een boom.',
    );
    const links = els.filter((e) => e.name === 'link').map((e) => e.attrs.href);
    expect(links).toContain('https://alliantie.example/bijeenkomsten/e-past');
    expect(links).toContain('https://alliantie.example/verantwoording.atom');
    expect(els.filter((e) => e.name === 'entry')).toHaveLength(5);
    for (const e of els.filter((x) => x.name === 'updated')) expect(Date.parse(e.text)).not.toBeNaN();
  });

  it('keeps its ids when read again later, holds no personal data, drops characters XML forbids', () => {
    const later = accountabilityFeed(
      accountability({ ...sources(), now: new Date('2027-03-05T00:00:00Z') }),
      'nl',
      'https://alliantie.example',
      now,
    );
    const ids = (x: string) => [...x.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]).sort();
    expect(ids(later)).toEqual(ids(xml));
    for (const p of PERSONAL) expect(xml).not.toContain(p);
    const odd = sources();
    (odd.consultations[0] as { outcome: { text: string } }).outcome.text = 'Tekst \u0001 met & < " \' \uFFFE';
    const parsed = parseStrictXml(accountabilityFeed(accountability(odd), 'en', 'https://alliantie.example', now));
    expect(parsed.elements.map((e) => e.text)).toContain('Tekst  met & < " \' ');
    expect(parsed.elements.find((e) => e.name === 'title')!.text).toBe(
      'Samen Nieuw-West: what happened with your input?',
    );
  });
});
