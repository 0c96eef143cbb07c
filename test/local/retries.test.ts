/**
 * Retry pauses as AWS documents them (developer guide, "Handling errors in Step Functions workflows",
 * Retry): the pause before retry n is IntervalSeconds × BackoffRate^(n-1), at most MaxDelaySeconds;
 * JitterStrategy FULL picks a random pause between 0 and that; MaxAttempts 0 means never retry; the
 * first retrier that matches is the one used; each retrier counts its own retries. The pauses run on
 * the local clock: moving the clock past the moment runs the retry.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalClock } from '../../local/clock';
import { retrySpeedUp } from '../../local/sfn/runner';
import { LocalStepFunctions } from '../../local/stepfunctions';
import { FN, START, standIn } from './support';

const failing = (errors: string[]) => {
  let n = 0;
  return () => {
    throw Object.assign(new Error('not now'), { name: errors[Math.min(n++, errors.length - 1)] });
  };
};

const machine = (Retry: object[]) => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: FN, Retry, End: true } },
});

/**
 * A stand-in with retries as declared; `times`: the local clock's seconds at each attempt, from the first
 * (the local clock also moves with real time, by milliseconds while a test runs: see `expectTimes`).
 */
function asDeclared(fn: () => unknown) {
  const times: number[] = [];
  let first: number | undefined;
  const t = standIn(
    {
      probe: () => {
        first ??= t.clock.now().getTime();
        times.push((t.clock.now().getTime() - first) / 1000);
        return fn();
      },
    },
    { retrySpeedUp: 1 },
  );
  return { t, times };
}

/** The attempts at these seconds, give or take the real time the test itself takes (a loaded machine). */
function expectTimes(times: number[], expected: number[]) {
  expect(times).toHaveLength(expected.length);
  times.forEach((at, i) => expect(Math.abs(at - expected[i])).toBeLessThan(0.5));
}

describe('retry pauses as declared, on the local clock', () => {
  it('waits IntervalSeconds × BackoffRate^(n-1), capped by MaxDelaySeconds, and no sooner', async () => {
    const { t, times } = asDeclared(failing(['Busy']));
    const retry = { ErrorEquals: ['Busy'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 4, MaxDelaySeconds: 10 };
    const exec = t.start(machine([retry]));
    await t.settle();
    expect(times).toHaveLength(1);
    await t.advance(1);
    expect(times).toHaveLength(1);
    await t.advance(1);
    expect(times).toHaveLength(2);
    await t.advance(100);
    expectTimes(times, [0, 2, 8, 18, 28]);
    expect(t.sfn.describeExecution(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'Busy' });
  });

  it('uses AWS defaults: 1 s, backoff 2, three retries', async () => {
    const { t, times } = asDeclared(failing(['Busy']));
    t.start(machine([{ ErrorEquals: ['States.ALL'] }]));
    await t.advance(60);
    expectTimes(times, [0, 1, 3, 7]);
  });

  it('with FULL jitter pauses a random time between 0 and the declared pause', async () => {
    const { t, times } = asDeclared(failing(['Busy']));
    const retry = {
      ErrorEquals: ['Busy'],
      IntervalSeconds: 10,
      MaxAttempts: 6,
      MaxDelaySeconds: 30,
      JitterStrategy: 'FULL',
    };
    t.start(machine([retry]));
    await t.advance(1000);
    expect(times).toHaveLength(7);
    const pauses = times.slice(1).map((at, i) => at - times[i]);
    const bounds = [10, 20, 30, 30, 30, 30];
    pauses.forEach((p, i) => {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(bounds[i]);
    });
    expect(pauses.some((p, i) => p < bounds[i])).toBe(true);
  });

  it('never retries with MaxAttempts 0, and uses the first retrier that matches, not a later one', async () => {
    const { t, times } = asDeclared(failing(['Busy']));
    const exec = t.start(machine([{ ErrorEquals: ['Busy'], MaxAttempts: 0 }, { ErrorEquals: ['States.ALL'] }]));
    await t.advance(60);
    expectTimes(times, [0]);
    expect(t.sfn.describeExecution(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'Busy' });
  });

  it('counts the retries of each retrier separately', async () => {
    const { t, times } = asDeclared(failing(['A', 'B', 'A', 'B', 'A']));
    const exec = t.start(
      machine([
        { ErrorEquals: ['A'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 2 },
        { ErrorEquals: ['B'], IntervalSeconds: 5, BackoffRate: 1, MaxAttempts: 2 },
      ]),
    );
    await t.advance(60);
    // A, B, A, B retried (two each); the third A is one too many for its retrier.
    expectTimes(times, [0, 1, 6, 7, 12]);
    expect(t.sfn.describeExecution(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'A' });
  });

  it('pauses before retrying a missed heartbeat that a States.Timeout retrier takes', async () => {
    const { t, times } = asDeclared(() => null);
    const callback = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: FN, Payload: { 'token.$': '$$.Task.Token' } },
      HeartbeatSeconds: 10,
      Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 30, MaxAttempts: 1 }],
      End: true,
    };
    const exec = t.start({ StartAt: 'T', States: { T: callback } });
    await t.advance(100);
    expectTimes(times, [0, 40]);
    expect(t.sfn.describeExecution(exec.executionArn)).toMatchObject({ error: 'States.HeartbeatTimeout' });
  });

  it('lets the execution be idle during the pause, so that it waits real seconds when the clock is not moved', async () => {
    const clock = new LocalClock(undefined, START);
    let calls = 0;
    const sfn = new LocalStepFunctions(clock, {
      retrySpeedUp: 1,
      invoke: async () => {
        if (++calls === 1) throw Object.assign(new Error('not now'), { name: 'Busy' });
        return 'ok';
      },
    });
    const arn = sfn.register('real-time', machine([{ ErrorEquals: ['Busy'], IntervalSeconds: 1 }]));
    clock.start(() => sfn.whenIdle());
    const started = Date.now();
    const exec = sfn.startExecution(arn, undefined, '{}');
    await sfn.whenIdle();
    expect(calls).toBe(1);
    while (exec.status === 'RUNNING' && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 50));
    clock.stop();
    expect(exec.status).toBe('SUCCEEDED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('the test-mode speed-up', () => {
  it('shortens the pauses in real time, without moving the local clock, and the retries still happen', async () => {
    const t = standIn({ probe: failing(['Busy']) }, { retrySpeedUp: 1000 });
    // The local clock goes on with real time; "not moved" means its offset from real time stays.
    const offset = () => t.clock.now().getTime() - Date.now();
    const before = offset();
    const exec = t.start(machine([{ ErrorEquals: ['Busy'], IntervalSeconds: 5, MaxAttempts: 3 }]));
    const done = await t.done(exec.executionArn);
    expect(t.calls).toHaveLength(4);
    expect(done).toMatchObject({ status: 'FAILED', error: 'Busy' });
    expect(Math.abs(offset() - before)).toBeLessThan(50);
  });

  it('refuses a speed-up below 1', () => {
    expect(() => retrySpeedUp(0)).toThrow(/at least 1/);
    expect(retrySpeedUp(undefined)).toBe(1);
  });
});

describe('a retry pending when the runtime restarts', () => {
  it('keeps its moment and its count, as if nothing had stopped (AWS does not restart)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retry-restart-'));
    const attempts: number[] = [];
    const boot = (at: Date) => {
      const clock = new LocalClock(undefined, at);
      const sfn = new LocalStepFunctions(clock, {
        journalDir: dir,
        retrySpeedUp: 1,
        invoke: async () => {
          attempts.push(clock.now().getTime());
          throw Object.assign(new Error('not now'), { name: 'Busy' });
        },
      });
      const arn = sfn.register('flaky', machine([{ ErrorEquals: ['Busy'], IntervalSeconds: 600, MaxAttempts: 2 }]));
      const advance = (s: number) => clock.advanceTo(new Date(clock.now().getTime() + s * 1000), () => sfn.whenIdle());
      return { clock, sfn, arn, advance };
    };
    const a = boot(START);
    const exec = a.sfn.startExecution(a.arn, 'flaky-1', '{}').executionArn;
    await a.advance(100);
    expect(attempts).toHaveLength(1);
    a.sfn.shutdown();

    const b = boot(a.clock.now());
    b.sfn.resumeJournal();
    await b.advance(490);
    // The first retry is due 600 s after the failure, not at the restart.
    expect(attempts).toHaveLength(1);
    await b.advance(20);
    expect(attempts).toHaveLength(2);
    // Its count went on: the second retry (600 × 2 s later) is the last of MaxAttempts 2.
    await b.advance(3600);
    expect(attempts.map((t) => Math.round((t - attempts[0]) / 1000))).toEqual([0, 600, 1800]);
    expect(b.sfn.describeExecution(exec)).toMatchObject({ status: 'FAILED', error: 'Busy' });
    b.sfn.shutdown();
  });
});
