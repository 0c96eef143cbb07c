/**
 * Requests retried with an Idempotency-Key: the same request makes one thing and gets the first
 * answer again, another request under the same key is refused.
 */
import { describe, expect, it } from 'vitest';
import { h, inDays, start, useHarness } from './robustness-support';

useHarness();

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

  it(
    'compares the whole request under an Idempotency-Key: ' +
      'another rule or deadline is a 409, the same body the first answer',
    async () => {
      const key = { 'idempotency-key': 'heel-verzoek-1' };
      const deadline = inDays(10);
      const first = await start('Heel verzoek', { deadline }, key);
      expect(first.status).toBe(201);
      const other = await start('Heel verzoek', { deadline: inDays(12), rule: { type: 'unanimous' } }, key);
      expect(other.status).toBe(409);
      expect(other.body.message).toMatch(/Idempotency-Key/);
      const again = await start('Heel verzoek', { deadline }, key);
      expect(again).toEqual(first);
      expect(
        (await h.api('GET', '/api/rounds')).body.rounds.filter((r: any) => r.title === 'Heel verzoek'),
      ).toHaveLength(1);
    },
  );

  it(
    'makes every creating POST safe to retry with an Idempotency-Key ' + '(action items, input rounds, meeting series)',
    async () => {
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
    },
  );
});
