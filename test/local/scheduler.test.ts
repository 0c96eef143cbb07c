/**
 * The EventBridge Scheduler stand-in's invocations. EventBridge Scheduler hands its target to Lambda
 * as an asynchronous invocation, which Lambda keeps and, when the function fails or its environment
 * dies, runs again twice (about one and two minutes later; Lambda developer guide, asynchronous
 * invocation). A fired one-time schedule is gone, but its invocation is not: the stand-in must keep it
 * until it has run, also across a crash of the runtime (the crash harness lost a person's reminder
 * when the runtime was killed while their schedule's digest ran).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalClock } from '../../local/clock';
import { type LocalSchedule, LocalScheduler } from '../../local/scheduler-server';

const dir = mkdtempSync(join(tmpdir(), 'alliance-scheduler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const START = Date.parse('2026-11-02T09:00:00Z');
const idle = () => Promise.resolve();
const at = (ms: number) => `at(${new Date(ms).toISOString().slice(0, 19)})`;
const schedule = (s: LocalScheduler, name: string, due: number, input: object) =>
  s.handle('POST', name, 'reminders', {
    ScheduleExpression: at(due),
    ScheduleExpressionTimezone: 'UTC',
    Target: {
      Arn: 'arn:aws:lambda:eu-west-1:000000000000:function:alliance-cycle-reminderDigest',
      Input: JSON.stringify(input),
    },
  });

/** A runtime: a clock (from the same moment on) and a scheduler on the same file. */
function runtime(file: string, fire: (s: LocalSchedule) => Promise<unknown>, now = START) {
  const clock = new LocalClock(undefined, new Date(now));
  return { clock, scheduler: new LocalScheduler(clock, fire, file) };
}

describe('the scheduler stand-in runs a fired schedule’s target at least once', () => {
  it('runs it again after a crash during its run, and only until it has run', async () => {
    const file = join(dir, 'crash.json');
    const calls: string[] = [];
    // The first runtime dies while the target runs: its promise never settles.
    const first = runtime(file, (s) => {
      calls.push(`first ${s.target.Input}`);
      return new Promise(() => undefined);
    });
    expect(schedule(first.scheduler, 'r-p1', START + 600_000, { personId: 'p1' })[0]).toBe(200);
    await first.clock.advanceTo(new Date(START + 601_000), idle);
    expect(calls).toEqual(['first {"personId":"p1"}']);

    const second = runtime(
      file,
      async (s) => {
        calls.push(`second ${s.target.Input}`);
      },
      START + 700_000,
    );
    await second.clock.advanceTo(new Date(START + 700_000 + 120_000), idle);
    expect(calls).toEqual(['first {"personId":"p1"}', 'second {"personId":"p1"}']);

    // It has run: a third start runs nothing.
    const third = runtime(
      file,
      async () => {
        calls.push('third');
      },
      START + 900_000,
    );
    await third.clock.advanceTo(new Date(START + 900_000 + 3600_000), idle);
    expect(calls).toHaveLength(2);
  });

  it('tries a failing target twice more, a minute and then two minutes later, then gives up', async () => {
    const file = join(dir, 'errors.json');
    const tries: number[] = [];
    const { clock, scheduler } = runtime(file, async () => {
      tries.push(clock.now().getTime() - START);
      throw new Error('the function failed');
    });
    schedule(scheduler, 'r-p2', START + 60_000, { personId: 'p2' });
    await clock.advanceTo(new Date(START + 3600_000), idle);
    // In whole seconds: the local clock runs on in real time meanwhile.
    expect(tries.map((t) => Math.floor(t / 1000))).toEqual([60, 120, 240]);
  });

  it('keeps a schedule its target sets again under the same name while it runs', async () => {
    const file = join(dir, 'again.json');
    let scheduler: LocalScheduler;
    const { clock, scheduler: s } = runtime(file, async () => {
      // The digest plans the person's next moment: a new schedule under the same name.
      schedule(scheduler, 'r-p3', START + 86_400_000, { personId: 'p3' });
    });
    scheduler = s;
    schedule(scheduler, 'r-p3', START + 60_000, { personId: 'p3' });
    await clock.advanceTo(new Date(START + 120_000), idle);
    expect(scheduler.handle('GET', 'r-p3', 'reminders', {})[0]).toBe(200);
    expect(scheduler.list().map((x) => x.due)).toEqual([START + 86_400_000]);
  });
});
