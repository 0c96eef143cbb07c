/** Action items and input rounds through the console's forms, and timelines in words (API and console). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, inDays, request, startSignedIn } from '../support/console-client';

beforeAll(startSignedIn);
afterAll(() => h.stop());

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
