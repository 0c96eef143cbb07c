/**
 * Requests at the edges: impossible rules, unknown ids and fields, malformed paths and clock moves,
 * and the one set of plain field messages every route answers with.
 */
import { describe, expect, it } from 'vitest';
import { h, inDays, start, useHarness } from './robustness-support';

useHarness();

describe('retried and edge-case requests', () => {
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

  it('answers an id longer than any key DynamoDB takes with 404, not 500 (found trying the cycles API)', async () => {
    const long = 'x'.repeat(2100);
    for (const [method, path] of [
      ['GET', `/api/cycles/${long}`],
      ['POST', `/api/cycles/${long}/cancel`],
      ['GET', `/api/rounds/${long}`],
      ['GET', `/api/follow-ups/${long}`],
      ['GET', `/api/input-rounds/${long}`],
    ] as const) {
      const res = await h.api(method, path, method === 'POST' ? { version: 1 } : undefined);
      expect(res.status, path.slice(0, 30)).toBe(404);
      expect(JSON.stringify(res.body).length).toBeLessThan(300);
    }
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
