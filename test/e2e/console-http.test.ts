/**
 * The console over plain HTTP (no browser): what a tampered or repeated request can and cannot do.
 * Cookies are handled by hand: fetch keeps no jar, and the session cookie is Secure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
let cookie = '';
let csrf = '';

async function request(method: string, path: string, form?: Record<string, string | string[]>) {
  const body = form
    ? new URLSearchParams(
        Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
      ).toString()
    : undefined;
  const res = await fetch(`${h.rt.urls.app}${path}`, {
    method,
    redirect: 'manual',
    headers: { cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body,
  });
  return {
    status: res.status,
    location: res.headers.get('location'),
    setCookie: res.headers.getSetCookie(),
    html: await res.text(),
  };
}

beforeAll(async () => {
  h = await Harness.start();
  const page = await request('GET', '/console/sign-in');
  cookie = page.setCookie[0].split(';')[0];
  csrf = /name="_csrf" value="([^"]+)"/.exec(page.html)![1];
  const signedIn = await request('POST', '/console/sign-in', { code: h.rt.officeToken, _csrf: csrf });
  expect(signedIn.status).toBe(303);
  cookie = signedIn.setCookie[0].split(';')[0];
  csrf = /name="_csrf" value="([^"]+)"/.exec((await request('GET', '/console/rounds/new')).html)![1];
});
afterAll(() => h.stop());

const inDays = (d: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(h.rt.clock.now().getTime() + d * 86400_000))
    .replace(' ', 'T');
const roundForm = (extra: Record<string, string | string[]> = {}) => ({
  _csrf: csrf,
  title: 'Console-ronde',
  summary: 'Akkoord?',
  who: 'body',
  bodyId: 'alliantiebestuur',
  rule: 'majority',
  quorum: '50',
  deadline: inDays(10),
  ...extra,
});

describe('console requests', () => {
  it('keeps a signed-in session when the sign-in page is opened again', async () => {
    const again = await request('GET', '/console/sign-in');
    expect(again.status).toBe(303);
    expect(again.location).toBe('/console');
    expect(again.setCookie).toEqual([]);
  });

  it('starts one round for a form posted twice (double click), and none for a tampered rule', async () => {
    const before = (await h.api('GET', '/api/rounds')).body.rounds.length;
    const form = roundForm({ once: 'abcdefghijklmnop1234' });
    const [a, b] = await Promise.all([
      request('POST', '/console/rounds', form),
      request('POST', '/console/rounds', form),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.location).toBe(b.location);
    expect((await h.api('GET', '/api/rounds')).body.rounds.length).toBe(before + 1);
    const tampered = await request('POST', '/console/rounds', roundForm({ rule: 'foo', once: 'qrstuvwxyzabcdef5678' }));
    expect(tampered.status).toBe(400);
    expect(tampered.html).toContain('Kies hoe er wordt besloten');
    const noBody = await request('POST', '/console/rounds', roundForm({ bodyId: '', once: 'zyxwvutsrqponmlk0000' }));
    expect(noBody.status).toBe(400);
    expect(noBody.html).toContain('Kies een groep met stemgerechtigde leden');
    expect((await h.api('GET', '/api/rounds')).body.rounds.length).toBe(before + 1);
  });

  it('explains consent and consensus-then-majority in one sentence each, and offers a quorum for consent', async () => {
    const form = (await request('GET', '/console/rounds/new')).html;
    expect(form).toContain('Aangenomen tenzij iemand bezwaar maakt: wie niet reageert, gaat akkoord');
    expect(form).toContain('Alleen aangenomen als genoeg mensen actief instemmen en niemand bezwaar houdt');
    expect(form).toContain('name="consentQuorum"');
    const form60 = roundForm({ rule: 'consent', quorum: '60', consentQuorum: 'on', once: 'consentquorum0000001' });
    const withQuorum = await request('POST', '/console/rounds', form60);
    expect(withQuorum.status).toBe(303);
    const id = withQuorum.location!.split('/').at(-1)!;
    expect((await h.round(id)).rule).toEqual({ type: 'consent', quorum: 0.6 });
    const without = await request(
      'POST',
      '/console/rounds',
      roundForm({ rule: 'consent', once: 'consentquorum0000002' }),
    );
    expect((await h.round(without.location!.split('/').at(-1)!)).rule).toEqual({ type: 'consent' });
  });

  it("says in the form's language when a reminder would fall before now, and makes nothing", async () => {
    const before = (await h.api('GET', '/api/rounds')).body.rounds.length;
    const round = await request(
      'POST',
      '/console/rounds',
      roundForm({ deadline: inDays(2), reminders: ['P3D'], once: 'earlyreminder0001' }),
    );
    expect(round.status).toBe(400);
    expect(round.html).toContain('Kies herinneringen die vóór de deadline en na nu vallen');
    const input = await request('POST', '/console/input-rounds', {
      _csrf: csrf,
      title: 'Vroeg',
      request: 'Iets',
      organisationIds: ['woon'],
      deadline: inDays(2),
      reminders: ['P7D'],
      bodyId: 'alliantiebestuur',
    });
    expect(input.status).toBe(400);
    expect(input.html).toContain('Kies herinneringen die vóór de deadline en na nu vallen');
    expect((await h.api('GET', '/api/rounds')).body.rounds.length).toBe(before);
  });

  it('shows only known flash messages with whole numbers', async () => {
    const id = (await h.api('GET', '/api/rounds')).body.rounds[0].id;
    for (const q of ['m=__proto__', 'm=constructor', 'm=toString', 'm=reminded&n=abc']) {
      const res = await request('GET', `/console/rounds/${id}?${q}`);
      expect(res.status, q).toBe(200);
      expect(res.html).not.toMatch(/\[object Object\]|NaN/);
    }
  });

  it('ignores tampered member rows, refuses unknown references, and refuses a stale form', async () => {
    const page = await request('GET', '/console/bodies/alliantiebestuur');
    const version = /name="version" value="(\d+)"/.exec(page.html)![1];
    const tampered = await request('POST', '/console/bodies/alliantiebestuur', {
      _csrf: csrf,
      version,
      count: '3',
      'm0.personId': 'p-ria-jansen',
      'm0.role': 'member',
      'm0.voting': 'yes',
      'm1.personId': 'p-ria-jansen',
      'm1.role': 'chair',
      'm1.voting': 'yes',
      'm1.remove': 'yes',
      'm2.personId': 'p-not-a-member',
      'm2.role': 'chair',
      'm2.voting': 'yes',
    });
    expect(tampered.status).toBe(303);
    const board = (await h.api('GET', '/api/bodies')).body.bodies.find((b: any) => b.id === 'alliantiebestuur');
    expect(board.members).toHaveLength(8);
    expect(board.members.filter((m: any) => m.personId === 'p-ria-jansen')).toHaveLength(1);
    expect(board.members.some((m: any) => m.personId === 'p-not-a-member')).toBe(false);
    const stale = await request('POST', '/console/bodies/alliantiebestuur', {
      _csrf: csrf,
      version,
      count: '0',
      'add.personId': 'p-samira-amrani',
      'add.role': 'member',
    });
    expect(stale.status).toBe(400);
    expect(stale.html).toContain('Dit formulier is verlopen');
    const fresh = /name="version" value="(\d+)"/.exec(
      (await request('GET', '/console/bodies/alliantiebestuur')).html,
    )![1];
    const unknown = await request('POST', '/console/bodies/alliantiebestuur', {
      _csrf: csrf,
      version: fresh,
      count: '1',
      'm0.personId': 'p-ria-jansen',
      'm0.role': 'member',
      'm0.represents': 'alliantiebestuur',
    });
    expect(unknown.status).toBe(400);
    const unknownPerson = await request('POST', '/console/bodies/alliantiebestuur', {
      _csrf: csrf,
      version: fresh,
      count: '0',
      'add.personId': 'p-nobody',
      'add.role': 'member',
    });
    expect(unknownPerson.status).toBe(400);
    expect(unknownPerson.html).toContain('Kies een actieve persoon');
  });

  it('renames and stops a group; a stopped group is no longer offered or accepted for a round', async () => {
    const page = await request('GET', '/console/bodies/themagroep-groen');
    const version = /action="\/console\/bodies\/themagroep-groen\/settings"[^]*?name="version" value="(\d+)"/.exec(
      page.html,
    )![1];
    const saved = await request('POST', '/console/bodies/themagroep-groen/settings', {
      _csrf: csrf,
      version,
      name: 'Themagroep Groen en Schoon',
      kind: 'theme-group',
    });
    expect(saved.status).toBe(303);
    const form = await request('GET', '/console/rounds/new');
    expect(form.html).not.toContain('value="themagroep-groen"');
    expect((await request('GET', '/console/bodies')).html).toContain('Themagroep Groen en Schoon');
    const refused = await h.api('POST', '/api/rounds', {
      title: 'Groen',
      summary: 's',
      bodyId: 'themagroep-groen',
      rule: { type: 'majority' },
      deadline: new Date(h.rt.clock.now().getTime() + 86400_000).toISOString(),
    });
    expect(refused.status).toBe(400);
  });

  it('never answers a 500 for odd requests', async () => {
    for (const [method, path, form] of [
      ['GET', '/console/rounds/r-unknown', undefined],
      ['GET', '/console/people/..%2F..', undefined],
      ['GET', '/console/nope', undefined],
      ['POST', '/console/rounds/r-unknown/remind', { _csrf: csrf }],
      ['POST', '/console/people', { _csrf: csrf, name: 'x'.repeat(5000), email: 'a@b.c', organisationId: 'missing' }],
      ['POST', '/console/bodies/alliantiebestuur', { _csrf: csrf, count: '-5' }],
      ['POST', '/console/partners', { _csrf: csrf }],
    ] as const) {
      const res = await request(method, path, form as Record<string, string> | undefined);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});

describe('action items and input rounds from the console', () => {
  it('creates an action item through the form, refusing an incomplete one with a message per field', async () => {
    const before = (await h.api('GET', '/api/follow-ups')).body.followUps.length;
    const bad = await request('POST', '/console/follow-ups', {
      _csrf: csrf,
      what: 'x',
      originKind: 'meeting',
      ownerKind: 'person',
      ownerPersonId: '',
      due: '',
      bodyId: 'kerngroep-de-punt',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Schrijf op wat is afgesproken');
    expect(bad.html).toContain('Kies een datum en tijd in de toekomst');
    const made = await request('POST', '/console/follow-ups', {
      _csrf: csrf,
      what: 'Speeltoestel repareren',
      originKind: 'meeting',
      ref: 'kerngroep 10 november',
      ownerKind: 'organisation',
      ownerOrganisationId: 'woon',
      due: inDays(20),
      bodyId: 'kerngroep-de-punt',
    });
    expect(made.status).toBe(303);
    const page = await request('GET', made.location!);
    expect(page.html).toContain('Het actiepunt is aangemaakt');
    expect(page.html).toContain('Woon!');
    const items = (await h.api('GET', '/api/follow-ups')).body.followUps;
    expect(items.length).toBe(before + 1);
    expect(items.find((i: any) => i.what === 'Speeltoestel repareren')).toMatchObject({
      origin: { kind: 'meeting', ref: 'kerngroep 10 november' },
      owner: { organisationId: 'woon' },
    });
  });

  it('moves the date and then closes the item; the workflow ends', async () => {
    const item = (await h.api('GET', '/api/follow-ups')).body.followUps.find(
      (i: any) => i.what === 'Speeltoestel repareren',
    );
    const path = `/console/follow-ups/${item.id}/steer`;
    expect((await request('POST', path, { _csrf: csrf, action: 'move', due: inDays(40), reason: '' })).status).toBe(
      400,
    );
    const moved = await request('POST', path, {
      _csrf: csrf,
      action: 'move',
      due: inDays(40),
      reason: 'Onderdelen pas later leverbaar',
    });
    expect(moved.status).toBe(303);
    const after = (await h.api('GET', `/api/follow-ups/${item.id}`)).body;
    expect(after.dueHistory).toEqual([
      expect.objectContaining({ reason: 'Onderdelen pas later leverbaar', approvedBy: expect.any(String) }),
    ]);
    expect(Date.parse(after.due)).toBeGreaterThan(Date.parse(item.due));
    expect((await request('POST', path, { _csrf: csrf, action: 'done', result: 'Gerepareerd' })).status).toBe(303);
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${item.id}`)).body).toMatchObject({
      status: 'done',
      result: 'Gerepareerd',
    });
    expect(
      h.rt.sfn
        .listExecutions('arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-followUp')
        .find((e) => e.name === item.id)?.status,
    ).toBe('SUCCEEDED');
    const again = await request('POST', path, { _csrf: csrf, action: 'done', result: 'Nog eens' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('al afgerond');
  });

  it('sends an input round to chosen partners and to all partners of a kind', async () => {
    const bad = await request('POST', '/console/input-rounds', {
      _csrf: csrf,
      title: 'Jaarcijfers',
      request: 'Aantallen 2026',
      deadline: inDays(10),
      bodyId: 'alliantiebestuur',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Kies ten minste één partner');
    const made = await request('POST', '/console/input-rounds', {
      _csrf: csrf,
      title: 'Jaarcijfers',
      request: 'Aantallen 2026',
      organisationIds: ['woon'],
      kind: 'municipality',
      deadline: inDays(10),
      reminders: ['P3D'],
      escalate: 'yes',
      bodyId: 'alliantiebestuur',
    });
    expect(made.status).toBe(303);
    const id = made.location!.split('/').pop();
    const round = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(round.organisationIds.sort()).toEqual(['gemeente', 'woon']);
    expect(round).toMatchObject({ escalate: true, reminders: ['P3D'] });
    await h.rt.whenIdle();
    expect(await h.mailTo('marloes.dijkstra@example.org', 'Jaarcijfers')).toHaveLength(1);
  });
});

describe('timelines in words', () => {
  const get = async (path: string, lang?: string) => {
    const res = await fetch(`${h.rt.urls.app}${path}`, {
      headers: { authorization: `Bearer ${h.rt.officeToken}`, ...(lang ? { 'accept-language': lang } : {}) },
    });
    return res.json() as Promise<any>;
  };

  it('gives every timeline entry of the API a label in Dutch (English on request), keeping the kind', async () => {
    const item = (await h.api('GET', '/api/follow-ups')).body.followUps[0];
    const round = (await h.api('GET', '/api/rounds')).body.rounds[0];
    const input = (await h.api('GET', '/api/input-rounds')).body.inputRounds[0];
    for (const path of [`/api/follow-ups/${item.id}`, `/api/rounds/${round.id}`, `/api/input-rounds/${input.id}`]) {
      const nl = (await get(path)).timeline;
      expect(nl.length, path).toBeGreaterThan(0);
      expect(
        nl.find((e: any) => e.kind === 'created'),
        path,
      ).toMatchObject({ kind: 'created', label: expect.stringMatching(/gestart|aangemaakt|verstuurd/) });
      expect(
        nl.every((e: any) => typeof e.label === 'string' && e.label !== e.kind),
        path,
      ).toBe(true);
      const en = (await get(path, 'en-GB,en;q=0.9')).timeline;
      expect(en.find((e: any) => e.kind === 'created').label, path).toMatch(/started|created|sent/);
    }
  });

  it('shows the action item and input round timelines on the console in Dutch', async () => {
    const item = (await h.api('GET', '/api/follow-ups')).body.followUps[0];
    const input = (await h.api('GET', '/api/input-rounds')).body.inputRounds[0];
    const itemPage = await request('GET', `/console/follow-ups/${item.id}`);
    expect(itemPage.html).toContain('Actiepunt aangemaakt');
    expect(itemPage.html).not.toMatch(/<li>[^<]*: created/);
    const inputPage = await request('GET', `/console/input-rounds/${input.id}`);
    expect(inputPage.html).toContain('Uitvraag verstuurd');
  });
});

describe('the overview on a moved clock', () => {
  it('lists rounds closed without a decision and what waits on someone past its date', async () => {
    const now = h.rt.clock.now().getTime();
    const at = (days: number) => new Date(now + days * 86400_000).toISOString();
    const item = await h.api('POST', '/api/follow-ups', {
      what: 'Hekwerk speeltuin vervangen',
      due: at(10),
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ruben-kok',
      origin: { kind: 'office' },
    });
    expect(item.status).toBe(201);
    const input = await h.api('POST', '/api/input-rounds', {
      title: 'Cijfers buurtpreventie',
      request: 'Aantal meldingen',
      organisationIds: ['woon'],
      deadline: at(2),
      bodyId: 'alliantiebestuur',
      escalate: false,
    });
    expect(input.status).toBe(201);
    const round = await h.api('POST', '/api/rounds', {
      title: 'Stille ronde',
      summary: 'Akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: at(2),
    });
    expect(round.status).toBe(201);
    await h.rt.whenIdle();
    await h.advance('P4D');
    // The owner asks for much more time; the project leader does not answer, and the original date passes.
    const reminder = (await h.mailTo('ruben.kok@example.org', 'Hekwerk speeltuin')).at(-1)!;
    const link = /https?:\/\/\S+\/f\/[A-Za-z0-9_.-]+/.exec(reminder.text)![0];
    const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
    await h.post(link, {
      proof,
      answer: 'more-time',
      due: at(90).slice(0, 10),
      reason: 'Leverancier heeft geen hekken',
    });
    await h.rt.whenIdle();
    expect((await h.api('GET', `/api/follow-ups/${item.body.id}`)).body.status).toBe('awaiting-approval');
    await h.advance('P8D');
    // Twelve days on, the session has expired: sign in again.
    const pre = await request('GET', '/console/sign-in');
    cookie = pre.setCookie[0].split(';')[0];
    const signedIn = await request('POST', '/console/sign-in', {
      code: h.rt.officeToken,
      _csrf: /name="_csrf" value="([^"]+)"/.exec(pre.html)![1],
    });
    cookie = signedIn.setCookie[0].split(';')[0];
    const page = await request('GET', '/console');
    expect(page.status).toBe(200);
    const section = (heading: string) =>
      page.html.slice(page.html.indexOf(heading), page.html.indexOf('</ul>', page.html.indexOf(heading)));
    expect(section('Gesloten zonder besluit')).toContain('Stille ronde');
    const waiting = section('Wacht op iemand, over de datum');
    expect(waiting).toContain('Hekwerk speeltuin vervangen');
    expect(waiting).toContain('wacht op de projectleider');
    // Closed at its deadline: nobody can answer it any more, and nothing was promised, so it waits on no one.
    expect(waiting).not.toContain('Cijfers buurtpreventie');
    expect(page.html).not.toContain('Er zijn nog geen rondes');
  });
});

describe('no English on Dutch console pages', () => {
  it('shows no English words on any console page in Dutch', async () => {
    const round = (await h.api('GET', '/api/rounds')).body.rounds[0];
    const item = (await h.api('GET', '/api/follow-ups')).body.followUps[0];
    const input = (await h.api('GET', '/api/input-rounds')).body.inputRounds[0];
    const pages = [
      '/console',
      '/console/rounds',
      '/console/rounds/new',
      `/console/rounds/${round.id}`,
      `/console/rounds/${round.id}/dossier`,
      '/console/follow-ups',
      '/console/follow-ups/new',
      `/console/follow-ups/${item.id}`,
      '/console/input-rounds',
      '/console/input-rounds/new',
      `/console/input-rounds/${input.id}`,
      '/console/people',
      '/console/people/p-ria-jansen',
      '/console/bodies',
      '/console/bodies/alliantiebestuur',
      '/console/partners',
      '/console/partners/woon',
    ];
    const listed = [
      'the',
      'and',
      'with',
      'created',
      'reminded',
      'asked',
      'answered',
      'escalated',
      'invite',
      'invitation',
      'reminder',
      'receipt',
      'outcome',
      'notice',
      'majority',
      'round',
      'rounds',
      'members?',
      'approve',
      'reject',
      'pending',
      'undefined',
      'null',
      'NaN',
    ];
    const english = new RegExp(`\\b(${listed.join('|')})\\b|\\[object`);
    for (const path of pages) {
      const page = await request('GET', path);
      expect(page.status, path).toBe(200);
      const main = page.html.slice(page.html.indexOf('<main'), page.html.indexOf('</main>'));
      // Only what a person reads: text between tags, not attribute values such as ids and links.
      const words = main.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
      expect(words.match(english)?.[0], path).toBeUndefined();
    }
  });
});
