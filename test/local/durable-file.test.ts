/**
 * A state file of the local runtime survives a SIGKILL in the middle of its write (the crash harness,
 * seed 1634989231: the scheduler's file was cut off mid-write, and the runtime could not start again).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'durable-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A child that writes a large state again and again, each write whole, until it is killed. */
function writer(file: string) {
  const helper = resolve(import.meta.dirname, '../../local/durable-file.ts');
  const script = `
    import { writeDurable } from ${JSON.stringify(helper)};
    // Made once, so nearly all the child's time is spent inside writes, where a kill must do no harm.
    const big = JSON.stringify({ schedules: Array.from({ length: 50000 }, (_, k) => ({ name: 'r-' + k, due: k })) });
    writeDurable(${JSON.stringify(file)}, big);
    console.log('ready');
    for (;;) writeDurable(${JSON.stringify(file)}, big);
  `;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('local state files', () => {
  it('are whole after a SIGKILL at any moment of a write', async () => {
    for (let run = 0; run < 6; run++) {
      const file = join(dir, `state-${run}.json`);
      const child = writer(file);
      await new Promise<void>((ok) => child.stdout!.once('data', () => ok()));
      await new Promise((r) => setTimeout(r, 20 + run * 37));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      expect(existsSync(file)).toBe(true);
      expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
    }
  });
});
