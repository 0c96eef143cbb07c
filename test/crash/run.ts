/**
 * `npm run crash`: the crash harness (issue #13, docs/faults.md). Runs the local runtime as a child
 * process, drives a workload of rounds, action items and a meeting through its HTTP API, and kills
 * it with SIGKILL at random moments (a seeded RNG; the seed is printed, CRASH_SEED repeats a run),
 * restarting it on the same data each time. At the end it moves the clock past every flow's end and
 * checks outcomes, the mail ledger against the mailbox, and the executions; exits non-zero on a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../support/local';
import { audit } from './audit';
import { Client, Unexpected } from './client';
import { RuntimeProcess } from './runtime-process';
import { startOfWorkload, workload } from './workload';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, so a run that found something can be repeated. */
function rng(s: number) {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(seed);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const started = Date.now();
const dataDir = mkdtempSync(join(tmpdir(), 'alliance-crash-'));
const rt = new RuntimeProcess(dataDir, await freePorts());
const c = new Client(rt);
// Interrupted (Ctrl+C, a CI timeout): the runtime goes too, not left running on its ports.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.log(`  interrupted; data kept in ${dataDir}`);
    rt.stop().finally(() => process.exit(130));
  });

/** Start again after a kill; a port the dead process held may take a moment to come free. */
async function restart() {
  for (let i = 0; ; i++) {
    try {
      return await rt.start();
    } catch (err) {
      if (i >= 2) throw err;
      await sleep(1000);
    }
  }
}

/** Run an action to its end; a connection refused or reset (a runtime still starting) is tried again. */
async function complete(name: string, run: () => Promise<void>) {
  for (let i = 0; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (err instanceof Unexpected || i >= 4) throw new Error(`${name}: ${(err as Error).message}`);
      await sleep(1000);
    }
  }
}

let exitCode = 1;
try {
  await rt.start();
  const { actions, created } = workload(c, startOfWorkload(await c.now()));
  // Which actions a kill follows, and how long after the action began (1–400 ms): the kill lands in
  // the request, in the fan-out it started, or in the steps after it.
  const plan = new Map<number, number>();
  while (plan.size < Math.min(KILLS, actions.length)) plan.set(Math.floor(random() * actions.length), 0);
  for (const i of plan.keys()) plan.set(i, 1 + Math.floor(random() * 400));
  console.log(
    `crash harness: seed ${seed}, ${actions.length} actions, ${plan.size} kills (CRASH_SEED=${seed} repeats)`,
  );
  const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
  for (const [i, action] of actions.entries()) {
    const delay = plan.get(i);
    const began = Date.now();
    rt.note(`action ${i}: ${action.name}${delay === undefined ? '' : ` (a kill after ${delay} ms)`}`);
    if (delay === undefined) {
      await complete(action.name, action.run);
      rt.note(`action ${i} done (${seconds(began)} s)`);
      continue;
    }
    const running = action.run().catch(() => undefined);
    await sleep(delay);
    await rt.kill();
    await running;
    const down = Date.now();
    await restart();
    const up = Date.now();
    await complete(action.name, action.run);
    rt.note(`action ${i} done (${seconds(began)} s)`);
    console.log(
      `  kill ${rt.kills}: ${delay} ms after "${action.name}" (restart ${((up - down) / 1000).toFixed(1)} s, ` +
        `action again ${seconds(up)} s; at ${seconds(started)} s)`,
    );
  }
  await c.to(created.end, created.failures);
  const result = await audit(c, created);
  exitCode = result.ok ? 0 : 1;
  console.log(result.report.join('\n'));
  for (const f of created.failures) console.log(`  note: ${f}`);
} catch (err) {
  console.error(`FAIL crash harness (seed ${seed}): ${(err as Error).stack ?? err}`);
  for (const line of rt.errors()) console.error(`  runtime: ${line}`);
} finally {
  await rt.stop().catch(() => undefined);
  if (exitCode === 0 && !process.env.CRASH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  else console.log(`  data kept in ${dataDir}`);
  console.log(`  kills ${rt.kills}, starts ${rt.starts}, wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exit(exitCode);
