/**
 * Stop the local runtime in the middle of a round and start it again on the same data:
 * the workflow continues where it was, timers keep their absolute times, nothing is sent twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOARD, Harness } from '../support/local';

const dataDir = mkdtempSync(join(tmpdir(), 'alliance-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// One set of ports for every runtime in this file: the SDK clients are made once per process, with the endpoints of the first runtime.
let ports: { http: number; mailbox: number; sfn: number; dynamodb: number };
const portsOnce = async () => (ports ??= { http: await freePort(), mailbox: await freePort(), sfn: await freePort(), dynamodb: await freePort() });

describe('restart in the middle of a round', () => {
  it('continues the round after a restart and finishes it without duplicate email', async () => {
    const ports = await portsOnce();
    let h = await Harness.start({ dataDir, ports });
    const created = await h.api('POST', '/api/rounds', {
      title: 'Herstart-ronde', summary: 'Loopt door na een herstart', bodyId: 'alliantiebestuur', rule: { type: 'majority' },
      deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(), reminders: ['P3D', 'P1D'],
    });
    const id = created.body.id;
    await h.rt.whenIdle();
    await h.decide(Harness.link((await h.mailTo(BOARD[0][1], 'Herstart-ronde'))[0]), 'approve');
    await h.advance('P7DT1H');
    const before = await h.mail();
    expect(before.filter((m) => m.subject.startsWith('Herinnering: uw besluit over Herstart'))).toHaveLength(5);
    const clockBefore = h.rt.clock.now().getTime();
    await h.stop();

    h = await Harness.start({ dataDir, ports });
    try {
      // The clock, the mailbox and the round are as they were.
      expect(h.rt.clock.now().getTime()).toBeGreaterThanOrEqual(clockBefore);
      await h.rt.whenIdle();
      const after = await h.mail();
      expect(after.length).toBe(before.length);
      expect((await h.round(id)).status).toBe('open');

      // The second reminder comes at its own time, once; the first is not repeated.
      await h.advance('P2D');
      const reminders = (await h.mail()).filter((m) => m.to === BOARD[1][1] && m.subject.startsWith('Herinnering: uw besluit over Herstart'));
      expect(reminders).toHaveLength(2);

      // Links from before the restart still work.
      await h.decide(Harness.link((await h.mailTo(BOARD[1][1], 'Uw besluit gevraagd: Herstart'))[0]), 'approve');
      await h.advance('P1D');
      const round = await h.round(id);
      expect(round).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
      const all = await h.mail();
      const keys = all.map((m) => `${m.to}|${m.subject}|${m.text}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(all.filter((m) => m.subject.includes('Herstart-ronde') && m.to === BOARD[2][1]).map((m) => m.subject.split(':')[0]))
        .toEqual(['Uw besluit gevraagd', 'Herinnering', 'Herinnering', 'Besluit']);
      const execution = h.rt.sfn.listExecutions('arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-approvalRound').find((e) => e.name === id);
      expect(execution?.status).toBe('SUCCEEDED');
    } finally {
      await h.stop();
    }
  });
});

describe('restart in the middle of a meeting cycle', () => {
  it('keeps the planned meeting, its agenda and its schedule; nothing is sent twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-restart-meeting-'));
    const ports = await portsOnce();
    let h = await Harness.start({ dataDir: dir, ports });
    try {
      const series = await h.api('POST', '/api/meeting-series', {
        bodyId: 'kerngroep-de-punt', title: 'Kerngroep herstart', rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2', startsOn: '2026-11-15', startTime: '19:00', durationMinutes: 120,
        chairId: 'p-samira-amrani', secretaryId: 'p-pieter-van-leeuwen',
      });
      expect(series.status).toBe(201);
      // Past the call for agenda items; one item sent.
      await h.to('2026-11-25T10:00:00+01:00');
      const call = (await h.mailTo('aisha.toure@example.org', 'Agendapunten voor Kerngroep herstart'))[0];
      const link = /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(call.text)![0];
      const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
      await h.post(link, { proof, action: 'item', title: 'Bankjes bij de speeltuin', ask: 'discuss' });
      const before = (await h.mail()).length;
      await h.stop();

      h = await Harness.start({ dataDir: dir, ports });
      await h.rt.whenIdle();
      expect((await h.mail()).length).toBe(before);
      // The invitation comes at its own time, with the item sent before the restart, once each.
      await h.to('2026-12-01T20:00:00+01:00');
      const invites = (await h.mail()).filter((m) => /^(Uitnodiging|Invitation): Kerngroep herstart/.test(m.subject));
      expect(invites).toHaveLength(7);
      expect(invites[0].text).toContain('Bankjes bij de speeltuin');
      const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
