/**
 * Stop the local runtime in the middle of a meeting cycle and start it again on the same data.
 * Its own file: the SDK clients are made once per test file, with the endpoints of its first runtime.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePorts, Harness } from '../support/local';
import { kerngroepSeries } from '../support/meetings';

describe('restart in the middle of a meeting cycle', () => {
  it('keeps the planned meeting, its agenda and its schedule; nothing is sent twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-restart-meeting-'));
    const ports = await freePorts();
    let h = await Harness.start({ dataDir: dir, ports });
    try {
      const series = await h.api('POST', '/api/meeting-series', kerngroepSeries('Kerngroep herstart'));
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
      expect(invites).toHaveLength(8); // the members, and the secretary from outside the kerngroep
      expect(invites[0].text).toContain('Bankjes bij de speeltuin');
      const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
