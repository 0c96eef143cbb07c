/** Wait states on the local clock: a wait of any length ends at its moment, also when the clock is moved. */
import type { LocalClock } from '../clock';
import type { Json } from './callbacks';
import type { Timing } from './definition';

const runtimeError = (message: string) =>
  Object.assign(new Error(message), { name: 'States.Runtime', isRetryable: false, isCatchable: false });

/** The moment a Wait state ends: `Seconds` after `since`, or at its `Timestamp`. */
export function waitEnd(timing: Timing, since: number): number {
  const { seconds, timestamp } = timing;
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0)
      throw runtimeError(`The wait's seconds must be a non-negative integer, not ${JSON.stringify(seconds)}`);
    return since + seconds * 1000;
  }
  const at = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at))
    throw runtimeError(`The wait's timestamp must be an ISO-8601 time, not ${JSON.stringify(timestamp)}`);
  return at;
}

/** A positive whole number of seconds (a task's TimeoutSeconds, HeartbeatSeconds), or the default. */
export function positiveSeconds(value: Json | undefined, what: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw runtimeError(`${what} must be a positive integer, not ${JSON.stringify(value)}`);
  return value;
}

export class ClockWaits {
  private timers = new Map<string, Set<string>>();
  private n = 0;

  constructor(
    private readonly clock: LocalClock,
    private readonly setBusy: (executionArn: string, busy: boolean) => void,
  ) {}

  /** Resolve at `due`; meanwhile the execution counts as idle. */
  until(executionArn: string, due: number): Promise<void> {
    if (due <= this.clock.now().getTime()) return Promise.resolve();
    const id = `wait:${executionArn}:${++this.n}`;
    const mine = this.timers.get(executionArn) ?? new Set();
    this.timers.set(executionArn, mine.add(id));
    return new Promise((resolve) => {
      this.clock.at(id, due, () => {
        mine.delete(id);
        this.setBusy(executionArn, true);
        resolve();
      });
      this.setBusy(executionArn, false);
    });
  }

  drop(executionArn: string): void {
    for (const id of this.timers.get(executionArn) ?? []) this.clock.cancel(id);
    this.timers.delete(executionArn);
  }
}
