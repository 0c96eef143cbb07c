/**
 * What must hold when things go wrong or people do odd things: replayed forms, stage changes under
 * an open page, a workflow that died, retried requests, and inputs at the edges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const inDays = (days: number) => new Date(h.rt.clock.now().getTime() + days * 86400_000).toISOString();
const proofOf = async (link: string) => /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
const MACHINE = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-approvalRound';

async function start(title: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const res = await fetch(`${h.rt.urls.app}/api/rounds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.rt.officeToken}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      title,
      summary: 's',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: inDays(10),
      ...body,
    }),
  });
  await h.rt.whenIdle();
  return { status: res.status, body: (await res.json()) as any };
}

describe('forms', () => {
  it('does not let an old form be posted again after a later one (no replay)', async () => {
    const round = (await start('Replay')).body;
    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Replay'))[0]);
    const p1 = await proofOf(link);
    await h.rt.clock.advanceTo(new Date(h.rt.clock.now().getTime() + 2000), h.rt.whenIdle);
    const p2 = await proofOf(link);
    expect(p2).not.toBe(p1);
    await h.post(link, { proof: p1, choice: 'approve' });
    await h.post(link, { proof: p2, choice: 'reject' });
    const replay = await h.post(link, { proof: p1, choice: 'approve' });
    expect(replay.html).toContain('Dit besluit was al ontvangen');
    expect((await h.round(round.id)).approvers.find((a: any) => a.personId === 'p-ria-jansen')).toMatchObject({
      choice: 'reject',
      changes: 1,
    });
  });

  it('voids a consent-stage form once the majority stage has started', async () => {
    await start('Stadia', { rule: { type: 'consensus-then-majority', consentDeadline: inDays(2) } });
    const objector = Harness.link((await h.mailTo('mehmet.yilmaz@example.org', 'Stadia'))[0]);
    await h.decide(objector, 'object', { reason: 'Eerst de bewoners horen' });
    const ria = Harness.link((await h.mailTo('ria.jansen@example.org', 'Stadia'))[0]);
    const consentForm = await proofOf(ria);
    await h.advance('P2DT1M');
    const late = await h.post(ria, { proof: consentForm, choice: 'approve' });
    expect(late.status).toBe(400);
    expect(late.html).toContain('te lang open');
    expect(late.html).toContain('Eerst de bewoners horen');
  });
});

describe('a workflow that stopped', () => {
  it('refuses answers after the deadline, and the watchdog settles and announces the round', async () => {
    const round = (await start('Gestopt', { deadline: inDays(3) })).body;
    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Gestopt'))[0]);
    const form = await proofOf(link);
    h.rt.sfn.stopExecution(`${MACHINE.replace('stateMachine', 'execution')}:${round.id}`);
    await h.advance('P3DT1M');
    const late = await h.post(link, { proof: form, choice: 'approve' });
    expect(late.status).toBe(409);
    expect(late.html).toContain('De termijn is voorbij');
    expect((await h.round(round.id)).status).toBe('open');
    await h.advance('P2D');
    const settled = await h.round(round.id);
    expect(settled).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
    expect(await h.mailTo('ria.jansen@example.org', 'Geen besluit over Gestopt')).toHaveLength(1);
    expect(await h.mailTo('programmabureau@example.org', 'Gestopt')).toHaveLength(1);
  });
});

describe('delivery problems', () => {
  it('tells the programme office at once when an invitation bounces (SES mailbox simulator)', async () => {
    const { DynamoDirectory } = await import('../../functions/engine/directory-store');
    await new DynamoDirectory('alliance-cycle').put('person', {
      id: 'p-bounce',
      name: 'Onbereikbaar',
      email: 'bounce@simulator.amazonses.com',
      lang: 'nl',
      kind: 'resident',
      active: true,
    });
    await start('Onbezorgbaar', { bodyId: undefined, approverIds: ['p-bounce', 'p-ria-jansen'] });
    const notices = await h.mailTo('programmabureau@example.org', 'niet bezorgd');
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toContain('bounce@simulator.amazonses.com');
    expect(notices[0].text).toContain('Onbezorgbaar');
    const { DynamoNoticeStore } = await import('../../functions/engine/notice-store');
    expect((await new DynamoNoticeStore('alliance-cycle').latest())[0]).toMatchObject({ kind: 'bounce' });
  });
});

describe('retried and edge-case requests', () => {
  it('makes one round for a request retried with the same Idempotency-Key', async () => {
    const deadline = inDays(10);
    const first = await start('Eenmalig', { deadline }, { 'idempotency-key': 'spuk-2026-11' });
    const again = await start('Eenmalig', { deadline }, { 'idempotency-key': 'spuk-2026-11' });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await h.mailTo('ria.jansen@example.org', 'Eenmalig')).toHaveLength(1);
    expect((await start('Iets anders', {}, { 'idempotency-key': 'spuk-2026-11' })).status).toBe(409);
    expect((await start('Eenmalig', {}, { 'idempotency-key': 'met spatie' })).status).toBe(400);
  });

  it('compares the whole request under an Idempotency-Key: another rule or deadline is a 409, the same body the first answer', async () => {
    const key = { 'idempotency-key': 'heel-verzoek-1' };
    const deadline = inDays(10);
    const first = await start('Heel verzoek', { deadline }, key);
    expect(first.status).toBe(201);
    const other = await start('Heel verzoek', { deadline: inDays(12), rule: { type: 'unanimous' } }, key);
    expect(other.status).toBe(409);
    expect(other.body.message).toMatch(/Idempotency-Key/);
    const again = await start('Heel verzoek', { deadline }, key);
    expect(again).toEqual(first);
    expect((await h.api('GET', '/api/rounds')).body.rounds.filter((r: any) => r.title === 'Heel verzoek')).toHaveLength(
      1,
    );
  });

  it('makes every creating POST safe to retry with an Idempotency-Key (action items, input rounds, meeting series)', async () => {
    const post = async (path: string, body: unknown, key: string) => {
      const res = await fetch(`${h.rt.urls.app}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          authorization: `Bearer ${h.rt.officeToken}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
      });
      await h.rt.whenIdle();
      return { status: res.status, body: (await res.json()) as any };
    };
    const item = {
      what: 'Bankje plaatsen',
      due: inDays(20),
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ria-jansen',
    };
    const input = {
      title: 'Cijfers 2026',
      request: 'Hoeveel bewoners?',
      organisationIds: ['woon'],
      deadline: inDays(10),
      bodyId: 'alliantiebestuur',
    };
    const series = {
      bodyId: 'kerngroep-de-punt',
      title: 'Extra overleg',
      rrule: 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1',
      startsOn: '2026-12-01',
      startTime: '19:00',
      durationMinutes: 90,
      chairId: 'p-samira-amrani',
      secretaryId: 'p-pieter-van-leeuwen',
    };
    for (const [path, body, changed, list] of [
      ['/api/follow-ups', item, { ...item, due: inDays(25) }, 'followUps'],
      ['/api/input-rounds', input, { ...input, deadline: inDays(11) }, 'inputRounds'],
      ['/api/meeting-series', series, { ...series, startTime: '20:00' }, 'series'],
    ] as const) {
      const before = (await h.api('GET', path)).body[list].length;
      const first = await post(path, body, `key-${path}`);
      expect(first.status, path).toBe(201);
      expect(await post(path, body, `key-${path}`), path).toEqual(first);
      const other = await post(path, changed, `key-${path}`);
      expect(other.status, path).toBe(409);
      expect(other.body.message, path).toMatch(/Idempotency-Key/);
      expect((await h.api('GET', path)).body[list].length, path).toBe(before + 1);
    }
    // A one-off meeting in a series is made once too.
    const seriesId = (await h.api('GET', '/api/meeting-series')).body.series.find(
      (s: any) => s.title === 'Extra overleg',
    ).id;
    const path = `/api/meeting-series/${seriesId}/meetings`;
    const start = inDays(40);
    const first = await post(path, { start }, 'extra-1');
    expect(first.status).toBe(201);
    expect(await post(path, { start }, 'extra-1')).toEqual(first);
    expect((await post(path, { start: inDays(41) }, 'extra-1')).status).toBe(409);
    expect((await h.api('GET', `/api/meeting-series/${seriesId}`)).body.added).toHaveLength(1);
  });

  it('refuses a quorum that can never be met and a deadline beyond what a workflow can wait', async () => {
    expect((await start('Quorum', { rule: { type: 'majority', quorum: 1 } })).body.fields).toHaveProperty([
      'rule.quorum',
    ]);
    expect((await start('Ver weg', { deadline: inDays(400) })).body.fields).toHaveProperty('deadline');
    const round = (await start('Verlengen')).body;
    const res = await h.api('POST', `/api/rounds/${round.id}/extend`, { deadline: inDays(5) });
    expect(res.status).toBe(400);
  });

  it("answers every route with the same plain field messages, never zod's raw ones", async () => {
    const series = await h.api('POST', '/api/meeting-series', {
      bodyId: 'kerngroep-de-punt',
      title: 'Overleg',
      rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
      startsOn: '2026-12-01',
      startTime: '19:00',
      durationMinutes: '90',
      secretaryId: 'p-pieter-van-leeuwen',
      leadTimes: { callDays: 1.5 },
      onlineUrl: 'niet-een-adres',
    });
    expect(series.status).toBe(400);
    expect(series.body.fields).toEqual({
      durationMinutes: 'must be a number',
      chairId: 'is required',
      'leadTimes.callDays': 'must be a whole number',
      onlineUrl: 'must be a web address starting with https://',
    });
    const round = await start(5 as unknown as string, { rule: { type: 'meerderheid' }, reminders: 'P3D' });
    expect(round.body.fields).toEqual({
      title: 'must be text',
      'rule.type': 'must be one of: majority, unanimous, consent, consensus-then-majority, first-response',
      reminders: 'must be a list',
    });
    const item = await h.api('POST', '/api/follow-ups', {
      what: 'Bankje',
      due: '2027-01-01T12:00:00+01:00',
      bodyId: 'kerngroep-de-punt',
      origin: { kind: 'elders' },
    });
    expect(item.body.fields).toEqual({ 'origin.kind': 'must be one of: meeting, decision, office' });
    const input = await h.api('POST', '/api/input-rounds', {
      title: 'Cijfers',
      request: 'Hoeveel?',
      organisationIds: [],
      deadline: inDays(5),
      bodyId: 'alliantiebestuur',
      escalate: 'ja',
    });
    expect(input.body.fields).toEqual({
      organisationIds: 'must have at least 1 item',
      escalate: 'must be true or false',
    });
    const messages = JSON.stringify([series.body, round.body, item.body, input.body]);
    expect(messages).not.toMatch(/Invalid|expected/);
  });

  it('cleans user text on the way in: no control characters, bidi overrides or lone surrogates reach a page', async () => {
    const spoof = 'Bankje \u202Egnirts\u202C plaatsen\u2066 bij\u2069 de\u0007 school\uD800';
    const item = await h.api('POST', '/api/follow-ups', {
      what: spoof,
      due: inDays(20),
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-ria-jansen',
    });
    expect(item.status).toBe(201);
    expect(item.body.what).toBe('Bankje gnirts plaatsen bij de school');
    const page = await (await fetch(`${h.rt.urls.app}/p/kerngroep-de-punt`)).text();
    expect(page).toContain('Bankje gnirts plaatsen bij de school');
    expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
    // A title is one line; a summary keeps its lines and tabs.
    const round = (await start('Titel\nmet\u202E twee regels', { summary: 'Regel een\r\n\tRegel twee\u0000' })).body;
    expect(round).toMatchObject({ title: 'Titel met twee regels', summary: 'Regel een\n\tRegel twee' });
    // Free text on a link page: the decision's comment.
    const link = Harness.link((await h.mailTo('ria.jansen@example.org', 'Titel met twee regels'))[0]);
    await h.decide(link, 'approve', { comment: 'Akkoord\u202E, graag\u0008 snel\nDank' });
    const ria = (await h.round(round.id)).approvers.find((a: any) => a.personId === 'p-ria-jansen');
    expect(ria.comment).toBe('Akkoord, graag snel\nDank');
    // Nothing is left once cleaned: the field is refused like an empty one.
    expect((await start('\u202E\u202C\u0007')).body.fields).toHaveProperty('title');
  });

  it('answers an unknown id with 404 through the one error map, meeting series included', async () => {
    for (const [path, what, id] of [
      ['/api/rounds/r-none', 'round', 'r-none'],
      ['/api/meeting-series/s-none', 'meeting series', 's-none'],
    ]) {
      const res = await h.api('GET', path);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe(`Not found: ${what} ${id}`);
    }
  });

  it("cleans web addresses too, and checks reminders against the consent stage's own deadline", async () => {
    const doc = await start('Begroting', {
      documents: [{ title: 'Begroting', url: 'https://example.org/\u202Efdp.exe' }],
    });
    expect(doc.status).toBe(201);
    expect(doc.body.documents).toEqual([{ title: 'Begroting', url: 'https://example.org/fdp.exe' }]);
    const series = await h.api('POST', '/api/meeting-series', {
      bodyId: 'kerngroep-de-punt',
      title: 'Online overleg',
      rrule: 'FREQ=MONTHLY;BYDAY=TH;BYSETPOS=1',
      startsOn: '2026-12-01',
      startTime: '19:00',
      durationMinutes: 90,
      chairId: 'p-samira-amrani',
      secretaryId: 'p-pieter-van-leeuwen',
      onlineUrl: 'https://meet.example.org/\u202Egro.ecnailla',
    });
    expect(series.status).toBe(201);
    expect(series.body.onlineUrl).toBe('https://meet.example.org/gro.ecnailla');
    const before = (await h.api('GET', '/api/rounds')).body.rounds.length;
    const consensus = await start('Korte consentronde', {
      reminders: ['P3D'],
      rule: { type: 'consensus-then-majority', consentDeadline: inDays(1) },
    });
    expect(consensus.status).toBe(400);
    expect(consensus.body.fields.reminders).toMatch(/consent stage/);
    expect((await h.api('GET', '/api/rounds')).body.rounds.length).toBe(before);
  });

  it("refuses duplicate reminders, reminders beyond the deadline and dates beyond each field's horizon, storing nothing", async () => {
    const count = async (path: string, list: string) => (await h.api('GET', path)).body[list].length;
    const rounds = await count('/api/rounds', 'rounds');
    expect((await start('Dubbel', { reminders: ['P3D', 'P3D'] })).body.fields).toHaveProperty('reminders');
    expect((await start('Te vroeg', { deadline: inDays(10), reminders: ['P3D', 'P20D'] })).body.fields).toHaveProperty(
      'reminders',
    );
    expect(await count('/api/rounds', 'rounds')).toBe(rounds);

    const inputs = await count('/api/input-rounds', 'inputRounds');
    const input = { title: 'Cijfers', request: 'Hoeveel?', organisationIds: ['woon'], bodyId: 'alliantiebestuur' };
    expect(
      (await h.api('POST', '/api/input-rounds', { ...input, deadline: inDays(10), reminders: ['P1D', 'PT24H'] })).body
        .fields,
    ).toHaveProperty('reminders');
    expect(
      (await h.api('POST', '/api/input-rounds', { ...input, deadline: inDays(5), reminders: ['P7D'] })).body.fields,
    ).toHaveProperty('reminders');
    expect(
      (await h.api('POST', '/api/input-rounds', { ...input, deadline: '9999-12-31T17:00:00+01:00' })).body.fields,
    ).toHaveProperty('deadline');
    expect(await count('/api/input-rounds', 'inputRounds')).toBe(inputs);

    const items = await count('/api/follow-ups', 'followUps');
    const item = { what: 'Bankje plaatsen', bodyId: 'kerngroep-de-punt', ownerPersonId: 'p-ria-jansen' };
    const far = await h.api('POST', '/api/follow-ups', { ...item, due: '9999-12-31T17:00:00+01:00' });
    expect(far.status).toBe(400);
    expect(far.body.fields.due).toMatch(/300 days/);
    expect(await count('/api/follow-ups', 'followUps')).toBe(items);
    const made = (await h.api('POST', '/api/follow-ups', { ...item, due: inDays(20) })).body;
    const moved = await h.api('POST', `/api/follow-ups/${made.id}/steer`, {
      action: 'move',
      due: inDays(400),
      reason: 'Later',
    });
    expect(moved.body.fields).toHaveProperty('due');
    expect((await h.api('GET', `/api/follow-ups/${made.id}`)).body.due).toBe(made.due);

    const seriesBody = {
      bodyId: 'kerngroep-de-punt',
      title: 'Horizon',
      rrule: 'FREQ=MONTHLY;BYDAY=WE;BYSETPOS=1',
      startTime: '19:00',
      durationMinutes: 90,
      chairId: 'p-samira-amrani',
      secretaryId: 'p-pieter-van-leeuwen',
    };
    const series = await count('/api/meeting-series', 'series');
    expect(
      (await h.api('POST', '/api/meeting-series', { ...seriesBody, startsOn: '9999-01-01' })).body.fields,
    ).toHaveProperty('startsOn');
    expect(await count('/api/meeting-series', 'series')).toBe(series);
    const made2 = (await h.api('POST', '/api/meeting-series', { ...seriesBody, startsOn: '2026-12-01' })).body;
    expect(
      (await h.api('POST', `/api/meeting-series/${made2.id}/meetings`, { start: '9999-06-01T19:00:00+02:00' })).body
        .fields,
    ).toHaveProperty('start');
    const move = await h.api('POST', `/api/meeting-series/${made2.id}/meetings/2026-12-02/move`, {
      start: '9999-06-01T19:00:00+02:00',
    });
    expect(move.body.fields).toHaveProperty('start');
  });

  it('refuses unknown fields where they would be ignored, and a clock move of null or nothing', async () => {
    expect((await h.api('GET', '/api/rounds?stauts=open')).status).toBe(400);
    const round = (await start('Velden')).body;
    const remind = await h.api('POST', `/api/rounds/${round.id}/remind`, { everyone: true });
    expect(remind.status).toBe(400);
    expect(remind.body.fields).toEqual({ everyone: 'is not a known field' });
    for (const body of ['null', '{"advanceBy":"P0D"}', '{"advanceBy":"PT0S"}', '[]', '{"advanceBy":"P1D","extra":1}']) {
      const res = await fetch(`${h.rt.urls.app}/local/clock`, { method: 'POST', body });
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as any).fields, body).toBeDefined();
    }
  });

  it('answers malformed paths and absurd clock moves with 400', async () => {
    expect((await fetch(`${h.rt.urls.app}/d/%E0%A4%A`)).status).toBe(400);
    const res = await fetch(`${h.rt.urls.app}/local/clock`, { method: 'POST', body: '{"advanceBy":"P300000Y"}' });
    expect(res.status).toBe(400);
  });
});
