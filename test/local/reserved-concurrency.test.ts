/**
 * Reserved concurrency in the local Lambda invoker (local/lambda.ts), as Lambda applies it: never more
 * invocations at once than reserved; over it a synchronous call is refused with Lambda's throttling
 * error and an asynchronous event waits until a slot is free, so every event still runs.
 */
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/wiring';
import { ReservedConcurrency, reserved } from '../../local/lambda';

/** A job that runs until released by the test, counting how many run at once. */
function jobs(slots: ReservedConcurrency) {
  const releases: (() => void)[] = [];
  const order: number[] = [];
  let running = 0;
  let peak = 0;
  const run = async (i: number, type: 'Event' | 'RequestResponse' = 'Event') => {
    await slots.acquire(type, 'test');
    try {
      running += 1;
      peak = Math.max(peak, running);
      order.push(i);
      await new Promise<void>((r) => releases.push(r));
    } finally {
      running -= 1;
      slots.release();
    }
  };
  const settle = () => new Promise((r) => setTimeout(r, 5));
  return { run, releases, order, settle, peak: () => peak, running: () => running };
}

describe('reserved concurrency, locally', () => {
  it('runs asynchronous events at most the reserved number at once, all of them in the order they came', async () => {
    const slots = new ReservedConcurrency(2);
    const j = jobs(slots);
    const all = Promise.all(Array.from({ length: 7 }, (_, i) => j.run(i)));
    await j.settle();
    expect(j.running()).toBe(2);
    expect(slots.queued).toBe(5);
    while (j.order.length < 7 || j.releases.length) {
      j.releases.shift()?.();
      await j.settle();
      expect(j.running()).toBeLessThanOrEqual(2);
    }
    await all;
    expect(j.order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(j.peak()).toBe(2);
    expect(slots.peak).toBe(2);
    expect(slots.throttles).toBe(5);
    expect(slots.running).toBe(0);
    expect(slots.queued).toBe(0);
  });

  it('refuses a synchronous call over the reservation with Lambda’s throttling error, and takes it once a slot is free', async () => {
    const slots = new ReservedConcurrency(1);
    const j = jobs(slots);
    const first = j.run(0);
    await j.settle();
    const refused = await j.run(1, 'RequestResponse').catch((err) => err);
    expect(refused).toMatchObject({
      name: 'Lambda.TooManyRequestsException',
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      statusCode: 429,
    });
    expect(slots.running).toBe(1);
    expect(slots.throttles).toBe(1);
    j.releases.shift()!();
    await first;
    const second = j.run(2, 'RequestResponse');
    await j.settle();
    expect(j.order).toEqual([0, 2]);
    j.releases.shift()!();
    await second;
    expect(slots.running).toBe(0);
  });

  it('follows the wiring: the reminder digest has its reservation, functions without one have none', () => {
    expect(functions.reminderDigest.reservedConcurrency).toBeGreaterThanOrEqual(1);
    expect(reserved.reminderDigest?.limit).toBe(functions.reminderDigest.reservedConcurrency);
    for (const [name, spec] of Object.entries(functions))
      expect(reserved[name as keyof typeof functions]?.limit, name).toBe(spec.reservedConcurrency);
  });
});
