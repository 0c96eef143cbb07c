/**
 * The console over plain HTTP (no browser): what a tampered or repeated request can and cannot do.
 * Action items and input rounds: console-http-flows.test.ts; the overview: console-http-overview.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, inDays, request, startSignedIn } from '../support/console-client';

beforeAll(startSignedIn);
afterAll(() => h.stop());

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

  it("answers an unknown path or id under /console with the console's not-found page, after the sign-in", async () => {
    for (const path of ['/console/nope', '/console/rounds/new/x', '/console/rounds/a.b', '/console/people/..%2F..']) {
      const res = await request('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain('Deze pagina bestaat niet.');
    }
    expect((await request('POST', '/console/nope', { _csrf: csrf })).status).toBe(404);
    expect((await request('POST', '/console/nope', { _csrf: 'wrong' })).status).toBe(403);
    const stranger = (method: string) => fetch(`${h.rt.urls.app}/console/nope`, { method, redirect: 'manual' });
    const get = await stranger('GET');
    expect([get.status, get.headers.get('location')]).toEqual([303, '/console/sign-in']);
    expect((await stranger('POST')).status).toBe(401);
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
