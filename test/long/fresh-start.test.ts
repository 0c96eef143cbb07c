/**
 * `npm start` on an empty data folder: the table is created and must be ready before the demo data
 * goes in. dynalite (like DynamoDB) reports a new table as CREATING for a moment; a runtime that
 * seeded straight away died with ResourceNotFoundException about one start in four.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startLocal } from '../../local/runtime';
import { freePorts, TEST_START } from '../support/local';

it('starts with demo data on an empty data folder, ten times in a row', async () => {
  // The same ports each time: the handlers' SDK clients are made once per process, as in Lambda.
  const ports = await freePorts();
  for (let i = 0; i < 10; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'fresh-start-'));
    try {
      const rt = await startLocal({ dataDir: dir, ports, startAt: TEST_START });
      try {
        const res = await fetch(`${rt.urls.app}/api/bodies`, {
          headers: { authorization: `Bearer ${rt.officeToken}` },
        });
        const { bodies } = (await res.json()) as { bodies: { id: string }[] };
        expect(bodies.map((b) => b.id)).toContain('alliantiebestuur');
      } finally {
        await rt.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}, 240_000);
