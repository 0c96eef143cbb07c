/**
 * Retry pauses as AWS runs them (developer guide, "Handling errors", Retry): the first retrier whose
 * ErrorEquals matches the error is used; before its retry n the execution pauses IntervalSeconds ×
 * BackoffRate^(n-1), at most MaxDelaySeconds; with JitterStrategy FULL a random pause between 0 and
 * that. The interpreter decides the same way, but pauses with a real-time setTimeout: the stand-in sets
 * its pause to 0 and makes the pause itself, on the local clock, before the next attempt starts.
 */
import { isStatesTimeout } from './errors';

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

/** AWS's defaults for a retrier's fields. */
const DEFAULT_INTERVAL_SECONDS = 1;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_BACKOFF_RATE = 2;

type Failure = Error & { isRetryable?: boolean };

/** The index of the retrier AWS uses for a Task's error, or -1. States.TaskFailed leaves out timeouts. */
export function matchingRetrier(retriers: Retrier[], err: Failure): number {
  if (err.isRetryable === false) return -1;
  const matches = (name: string) =>
    name === err.name || name === 'States.ALL' || (name === 'States.TaskFailed' && !isStatesTimeout(err));
  return retriers.findIndex((r) => r.ErrorEquals.some(matches));
}

/** The pause in ms before retry `n` (1 for the first) of a retrier; `random` in [0, 1) for FULL jitter. */
export function retryPauseMs(r: Retrier, n: number, random: () => number = Math.random): number {
  const seconds = (r.IntervalSeconds ?? DEFAULT_INTERVAL_SECONDS) * (r.BackoffRate ?? DEFAULT_BACKOFF_RATE) ** (n - 1);
  const capped = r.MaxDelaySeconds === undefined ? seconds : Math.min(seconds, r.MaxDelaySeconds);
  return (r.JitterStrategy === 'FULL' ? random() : 1) * capped * 1000;
}

/** Every state's Retry by name, nested machines included (names are the interpreter's keys too). */
export function retriersByState(machine: { States: Record<string, any> }, into = new Map<string, Retrier[]>()) {
  for (const [name, state] of Object.entries(machine.States)) {
    if (state.Retry) into.set(name, state.Retry);
    for (const branch of state.Branches ?? []) retriersByState(branch, into);
    for (const inner of [state.Iterator, state.ItemProcessor]) if (inner) retriersByState(inner, into);
  }
  return into;
}

interface Entry {
  /** Retries made by each retrier since the state was entered (AWS counts them per retrier). */
  counts: number[];
  /** Set while a retry is due: the pause before it, in ms, and its moment on the local clock. */
  pauseMs?: number;
  dueAt?: number;
}

/** A retry that is due, as the journal keeps it: a restart continues it at its moment, with its counts. */
export interface PendingRetry {
  counts: number[];
  dueAt: number;
}

/** The retries of one execution's Task states, as the interpreter counts them. */
export class RetryPauses {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly retriers: Map<string, Retrier[]>,
    private readonly now: () => number,
    private readonly random: () => number = Math.random,
    /** A retry is now due (to journal it). */
    private readonly onPending: (state: string, retry: PendingRetry) => void = () => {},
  ) {}

  /** After a restart: the retry that was due when the runtime stopped. */
  resume(state: string, retry: PendingRetry): void {
    this.entries.set(state, { counts: [...retry.counts], pauseMs: retry.dueAt - this.now(), dueAt: retry.dueAt });
  }

  /**
   * An attempt begins: the pause to make first if it is a retry (what is left of it, once resumed);
   * a first attempt starts the counts afresh.
   */
  begin(state: string): number | undefined {
    const entry = this.entries.get(state);
    if (entry?.pauseMs === undefined) {
      this.entries.set(state, { counts: (this.retriers.get(state) ?? []).map(() => 0) });
      return undefined;
    }
    const pause = Math.max(0, entry.pauseMs);
    entry.pauseMs = undefined;
    return pause;
  }

  /** An attempt failed: decide, as the interpreter does, whether it will be retried (true), and after what pause. */
  failed(state: string, err: Failure): boolean {
    const entry = this.entries.get(state);
    const retriers = this.retriers.get(state) ?? [];
    const i = matchingRetrier(retriers, err);
    if (!entry || i < 0 || entry.counts[i] >= (retriers[i].MaxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      this.entries.delete(state);
      return false;
    }
    entry.counts[i] += 1;
    entry.pauseMs = retryPauseMs(retriers[i], entry.counts[i], this.random);
    entry.dueAt = this.now() + entry.pauseMs;
    this.onPending(state, { counts: [...entry.counts], dueAt: entry.dueAt });
    return true;
  }

  succeeded(state: string): void {
    this.entries.delete(state);
  }

  /** $$.State.RetryCount: the retries made since the state was entered. */
  retryCount(state: string): number {
    return (this.entries.get(state)?.counts ?? []).reduce((a, b) => a + b, 0);
  }
}
