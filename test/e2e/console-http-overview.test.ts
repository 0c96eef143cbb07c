/** The console's overview on a moved clock, and no English on any Dutch console page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h, request, signIn, startSignedIn } from '../support/console-client';

beforeAll(startSignedIn);
afterAll(() => h.stop());

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
    await signIn();
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
