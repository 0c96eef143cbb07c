/**
 * Resident input end to end on the local runtime and the moved clock: two residents asked for
 * their own input, one answers (and changes it) through her link, the other is reminded once and
 * the office records his letter; the round closes with a summary that keeps their words out, and
 * her answer is in her export until her erasure takes it out. Also the office API's refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dieAfterTheWriteOf } from '../support/die-after-write';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const RIA = 'ria.jansen@example.org';
const HAMID = 'hamid.ouali@example.org';
const TITLE = 'Wat vinden bewoners belangrijk voor de SPUK-aanvraag?';
const linkIn = (text: string) => /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(text)![0];
const proofOf = (html: string) => /name="proof" value="([^"]+)"/.exec(html)![1];
const inDays = (d: number) => new Date(h.rt.clock.now().getTime() + d * 86400_000).toISOString();
const linkOf = async (address: string) => linkIn((await h.mailTo(address, `Wat vindt u? ${TITLE}`))[0].text);

describe('resident input: people asked for themselves', () => {
  let id = '';
  const written = (body: unknown, round = id) => h.api('POST', `/api/input-rounds/${round}/written-input`, body);

  it('asks each resident through their own link, in plain words', async () => {
    const res = await h.api('POST', '/api/input-rounds', {
      title: TITLE,
      request: 'Welke criteria vindt u belangrijk?\nWat moet er in de aanvraag staan?',
      personIds: ['p-ria-jansen', 'p-hamid-ouali'],
      deadline: inDays(10),
      reminders: ['P3D'],
      bodyId: 'kerngroep-de-punt',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ organisationIds: [], personIds: ['p-ria-jansen', 'p-hamid-ouali'] });
    id = res.body.id;
    await h.rt.whenIdle();
    for (const address of [RIA, HAMID]) {
      const [ask] = await h.mailTo(address, `Wat vindt u? ${TITLE}`);
      expect(ask.text).toContain('Wij horen graag wat u vindt.');
      expect(ask.text).not.toMatch(/uitvraag|organisatie|aanleveren/i);
    }
    const page = await h.open(await linkOf(RIA));
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>Uw mening</title>');
    expect(page.html).toContain('<p>Wat moet er in de aanvraag staan?</p>');
    expect(page.html).toContain('U kunt antwoorden tot');
    expect(page.html).not.toMatch(/uitvraag|name="kind"/i);
  });

  it('takes her text, keeps it on her page to change, and sends one receipt per answer', async () => {
    const link = await linkOf(RIA);
    const empty = await h.post(link, { proof: proofOf((await h.open(link)).html), text: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('Schrijf eerst uw antwoord.');
    const first = await h.post(link, { proof: proofOf((await h.open(link)).html), text: 'Veilig spelen <op> straat' });
    expect(first.status).toBe(200);
    expect(first.html).toContain('Dank u wel. Wij hebben uw antwoord ontvangen.');
    const again = await h.open(link);
    expect(again.html).toContain('Dit is uw antwoord. U kunt het hieronder veranderen.');
    expect(again.html).toContain('Veilig spelen &lt;op&gt; straat</textarea>');
    await h.post(link, { proof: proofOf(again.html), text: 'Veilig spelen en meer groen' });
    const round = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(round.answers['p-ria-jansen']).toMatchObject({ kind: 'answered', text: 'Veilig spelen en meer groen' });
    expect(round.answers['p-ria-jansen']).not.toHaveProperty('via');
    expect(await h.mailTo(RIA, `Ontvangen: ${TITLE}`)).toHaveLength(2);
  });

  let diedAt = 0;
  const keysOnRecord = (round: { timeline: { key: string }[] }) => round.timeline.map((e) => e.key);
  it('confirms her changed answer when DynamoDB goes away right after it counted', async () => {
    const link = await linkOf(RIA);
    const proof = proofOf((await h.open(link)).html);
    const versionBefore = (await h.api('GET', `/api/input-rounds/${id}`)).body.answers['p-ria-jansen'].version;
    const dying = await dieAfterTheWriteOf(`INPUT#${id}`, 'INPUT', 'ServiceUnavailable');
    // The same words again (the later steps read them): a write all the same, with its receipt.
    const res = await h.post(link, { proof, text: 'Veilig spelen en meer groen' });
    dying.disarm();
    expect(dying.dead).toBe(true);
    // Stored, so she is told so, not asked to try again (and answer twice).
    expect(res.status).toBe(200);
    expect(res.html).toContain('Dank u wel. Wij hebben uw antwoord ontvangen.');
    const round = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(round.answers['p-ria-jansen'].version).toBeGreaterThan(versionBefore);
    diedAt = round.answers['p-ria-jansen'].version;
    // Its record on the round's trail could not be written: the round's next step writes it.
    expect(keysOnRecord(round)).not.toContain(`v${String(diedAt).padStart(6, '0')}:answered`);
  });

  it('reminds only the resident who has not answered, once', async () => {
    await h.advance('P7DT1H15M');
    expect(await h.mailTo(RIA, `Herinnering: ${TITLE}`)).toHaveLength(0);
    const [reminder, ...more] = await h.mailTo(HAMID, `Herinnering: ${TITLE}`);
    expect(more).toHaveLength(0);
    expect(reminder.text).toContain('Wij hebben nog geen antwoord van u.');
    // The reminders' step put on record the answer whose page could not, once.
    const answered = keysOnRecord((await h.api('GET', `/api/input-rounds/${id}`)).body).filter((k) =>
      k.endsWith(':answered'),
    );
    expect(answered).toContain(`v${String(diedAt).padStart(6, '0')}:answered`);
    expect(new Set(answered).size).toBe(answered.length);
  });

  it('refuses bad written input with 400, an unknown round with 404, her own answer with 409', async () => {
    const letter = { personId: 'p-hamid-ouali', text: 'Meer bankjes op het plein', via: 'letter' };
    const bad = await written({ ...letter, via: 'fax', text: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['text', 'via']);
    expect((await written({ ...letter, personId: 'p-kees-brouwer' })).body.fields).toHaveProperty('personId');
    expect((await written({ ...letter, receivedAt: inDays(1) })).body.fields).toHaveProperty('receivedAt');
    expect((await written({ ...letter, extra: 1 })).status).toBe(400);
    expect((await written('{not json')).status).toBe(400);
    const unknown = await written(letter, 'u-none');
    expect(unknown.status).toBe(404);
    const own = await written({ ...letter, personId: 'p-ria-jansen' });
    expect(own.status).toBe(409);
    const round = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(round.answers['p-hamid-ouali']).toBeUndefined();
    expect(round.answers['p-ria-jansen'].text).toBe('Veilig spelen en meer groen');
  });

  it('records the letter the office received for him, on the record, shown on his page', async () => {
    const res = await written({
      personId: 'p-hamid-ouali',
      text: 'Meer bankjes op het plein',
      via: 'letter',
      receivedAt: inDays(-1),
    });
    expect(res.status).toBe(200);
    expect(res.body.answers['p-hamid-ouali']).toMatchObject({
      kind: 'answered',
      by: 'p-hamid-ouali',
      via: 'letter',
      // Who wrote it down: the office's caller, as it created the round.
      recordedBy: res.body.createdBy,
      text: 'Meer bankjes op het plein',
    });
    const { timeline } = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(timeline.filter((e: any) => e.kind === 'recorded')).toEqual([
      expect.objectContaining({
        label: 'Schriftelijke inbreng genoteerd',
        details: { personId: 'p-hamid-ouali', via: 'letter' },
      }),
    ]);
    const page = await h.open(await linkOf(HAMID));
    expect(page.html).toContain('Het programmabureau heeft uw antwoord opgeschreven (per brief).');
    await h.rt.whenIdle();
    expect(await h.mailTo(HAMID, `Ontvangen: ${TITLE}`)).toHaveLength(0);
  });

  it('closes at the deadline with a summary that names who answered and how, not what they wrote', async () => {
    await h.advance('P3D');
    const round = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(round.status).toBe('closed');
    const [summary] = await h.mailTo('programmabureau@example.org', `Overzicht uitvraag: ${TITLE}`);
    expect(summary.text).toContain('Ria Jansen: beantwoord via de link');
    expect(summary.text).toContain('Hamid Ouali: beantwoord per brief');
    expect(summary.text).not.toMatch(/bankjes|groen/);
    expect(await h.mailTo(HAMID, `Herinnering: ${TITLE}`)).toHaveLength(1);
    expect((await written({ personId: 'p-hamid-ouali', text: 'Nog een brief', via: 'letter' })).status).toBe(409);
    const closed = await h.open(await linkOf(RIA));
    expect(closed.status).toBe(409);
    expect(closed.html).toContain('U kunt niet meer antwoorden: de datum is voorbij.');
  });

  it('puts her answer in her export, and her erasure takes its text out of the round', async () => {
    const exported = (await h.api('GET', '/api/people/p-ria-jansen/export')).body;
    expect(exported.inputRounds).toEqual([
      expect.objectContaining({
        roundId: id,
        askedAs: 'person',
        answers: [expect.objectContaining({ text: 'Veilig spelen en meer groen' })],
      }),
    ]);
    // Her three answers: two through her page, one put on record by the round's step.
    expect(exported.actions.filter((e: any) => e.kind === 'answered')).toHaveLength(3);
    expect((await h.api('POST', '/api/people/p-ria-jansen/erase')).status).toBe(200);
    const round = (await h.api('GET', `/api/input-rounds/${id}`)).body;
    expect(round.answers['p-ria-jansen']).toMatchObject({ kind: 'answered', erasedAt: expect.any(String) });
    expect(round.answers['p-ria-jansen']).not.toHaveProperty('text');
    expect(JSON.stringify((await h.api('GET', '/api/people/p-ria-jansen/export')).body)).not.toContain('groen');
  });

  it('refuses a round of people mixed with partners, escalated, or with unknown people', async () => {
    const base = { title: 'Criteria', request: 'Wat vindt u?', deadline: inDays(5), bodyId: 'kerngroep-de-punt' };
    const mixed = await h.api('POST', '/api/input-rounds', {
      ...base,
      personIds: ['p-kees-brouwer'],
      organisationIds: ['woon'],
    });
    expect(mixed.status).toBe(400);
    const escalated = await h.api('POST', '/api/input-rounds', {
      ...base,
      personIds: ['p-kees-brouwer'],
      escalate: true,
    });
    expect(escalated.status).toBe(400);
    const unknown = await h.api('POST', '/api/input-rounds', { ...base, personIds: ['p-nobody'] });
    expect(unknown.body.fields).toEqual({ personIds: 'unknown or inactive people: p-nobody' });
    expect((await h.api('POST', '/api/input-rounds', { ...base, personIds: [] })).body.fields).toHaveProperty(
      'personIds',
    );
  });
});
