/**
 * A runtime start sweeps the mail outbox once (local/runtime.ts): an email recorded just before a crash
 * that also lost its wake goes at the next start, without waiting for the daily safety sweep. Its own
 * file: the SDK clients keep the endpoints of the first runtime in a process, so a restart keeps its ports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newRecord } from '../../functions/engine/mail-outbox';
import { DynamoMailOutbox } from '../../functions/engine/mail-outbox-store';
import { SWEEP_SCHEDULE_NAME } from '../../functions/engine/mail-wake';
import { DynamoMeetingStore } from '../../functions/flows/meeting';
import { config } from '../../functions/platform/config';
import { freePorts, Harness } from '../support/local';

const content = (subject: string) => ({ subject, text: 'tekst', html: '<p>tekst</p>' });

async function sweepSchedule(h: Harness) {
  const res = await fetch(
    `http://127.0.0.1:${h.rt.ports.scheduler}/schedules/${SWEEP_SCHEDULE_NAME}?groupName=alliance-cycle-mail`,
  );
  return res.status === 200 ? await res.json() : null;
}

describe('a runtime start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'alliance-mail-wake-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sweeps the mail a crash left pending without a wake', async () => {
    const ports = await freePorts();
    let h = await Harness.start({ dataDir, ports, seed: false });
    try {
      await h.rt.whenIdle();
      // Recorded three minutes ago, then the process died before the wake was set and before the send.
      const meetings = new DynamoMeetingStore(config().tableName);
      const noWake = new DynamoMailOutbox(config().tableName, null);
      const email = { ...content('Na herstart'), to: 'w3@example.org', tag: 'invite' };
      const audit = { key: 'mail:invite:p3', at: '', kind: 'email', actor: 'system' };
      const then = new Date(h.rt.clock.now().getTime() - 3 * 60_000);
      const record = newRecord(meetings.mailKeys('w-restart', 'invite:p3'), 'w-restart', email, audit, then);
      expect(await noWake.record(record)).toBe(true);
      expect(await sweepSchedule(h)).toBeNull();
    } finally {
      await h.stop();
    }
    // Without moving the clock (the daily safety sweep is hours away), the start's own sweep sends it.
    h = await Harness.start({ dataDir, ports, seed: false });
    try {
      await h.rt.whenIdle();
      expect(await h.mailTo('w3@example.org', 'Na herstart')).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
