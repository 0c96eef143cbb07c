/**
 * Stop the local runtime in the middle of a round and start it again on the same data:
 * the workflow continues where it was, timers keep their absolute times, nothing is sent twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOARD, freePorts, Harness } from '../support/local';

const dataDir = mkdtempSync(join(tmpdir(), 'alliance-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('restart in the middle of a round', () => {
  it('continues the round after a restart and finishes it without duplicate email', async () => {
    const ports = await freePorts();
    let h = await Harness.start({ dataDir, ports });
    const created = await h.api('POST', '/api/rounds', {
      title: 'Herstart-ronde',
      summary: 'Loopt door na een herstart',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
      reminders: ['P3D', 'P1D'],
    });
    const id = created.body.id;
    await h.rt.whenIdle();
    await h.decide(Harness.link((await h.mailTo(BOARD[0][1], 'Herstart-ronde'))[0]), 'approve');
    // Due a few seconds after 10:00: the budget's next whole hour, 11:00, and each person's moment in the quarter after it.
    await h.advance('P7DT1H15M');
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
      const reminders = (await h.mail()).filter(
        (m) => m.to === BOARD[1][1] && m.subject.startsWith('Herinnering: uw besluit over Herstart'),
      );
      expect(reminders).toHaveLength(2);

      // Links from before the restart still work.
      await h.decide(Harness.link((await h.mailTo(BOARD[1][1], 'Uw besluit gevraagd: Herstart'))[0]), 'approve');
      await h.advance('P1D');
      const round = await h.round(id);
      expect(round).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
      const all = await h.mail();
      const keys = all.map((m) => `${m.to}|${m.subject}|${m.text}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(
        all
          .filter((m) => m.subject.includes('Herstart-ronde') && m.to === BOARD[2][1])
          .map((m) => m.subject.split(':')[0]),
      ).toEqual(['Uw besluit gevraagd', 'Herinnering', 'Herinnering', 'Geen besluit over Herstart-ronde']);
      const execution = h.rt.sfn
        .listExecutions('arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-approvalRound')
        .find((e) => e.name === id);
      expect(execution?.status).toBe('SUCCEEDED');
    } finally {
      await h.stop();
    }
  });
});
