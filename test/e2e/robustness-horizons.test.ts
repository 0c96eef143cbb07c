/**
 * Reminders and dates a workflow could not keep are refused with a field message, and nothing is
 * stored: duplicate reminders, reminders before now, and dates beyond each field's horizon.
 */
import { describe, expect, it } from 'vitest';
import { h, inDays, start, useHarness } from './robustness-support';

useHarness();

describe('retried and edge-case requests', () => {
  it(
    'refuses duplicate reminders, reminders beyond the deadline ' +
      "and dates beyond each field's horizon, storing nothing",
    async () => {
      const count = async (path: string, list: string) => (await h.api('GET', path)).body[list].length;
      const rounds = await count('/api/rounds', 'rounds');
      expect((await start('Dubbel', { reminders: ['P3D', 'P3D'] })).body.fields).toHaveProperty('reminders');
      expect(
        (await start('Te vroeg', { deadline: inDays(10), reminders: ['P3D', 'P20D'] })).body.fields,
      ).toHaveProperty('reminders');
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
    },
  );
});
