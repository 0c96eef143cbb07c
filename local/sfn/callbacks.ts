/**
 * Callback tasks (`.waitForTaskToken`): each one gets its own fresh token, resumed by SendTaskSuccess
 * or SendTaskFailure, and ends with States.Timeout when its time on the local clock is up.
 */
import { randomBytes } from 'node:crypto';
import type { LocalClock } from '../clock';
import { SfnError, statesTimeout } from './errors';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Waiter {
  executionArn: string;
  resolve: (v: Json) => void;
  reject: (e: Error) => void;
  /** True once the task's own call returned. */
  parked: boolean;
}

export class CallbackTasks {
  private waiters = new Map<string, Waiter>();
  private finished = new Set<string>();

  constructor(
    private readonly clock: LocalClock,
    /** Tells the stand-in whether an execution is working (false: it waits for a token or a timer). */
    private readonly setBusy: (executionArn: string, busy: boolean) => void,
  ) {}

  /**
   * Run a callback task: `start` makes the task's call with a fresh token; then the execution waits
   * for SendTaskSuccess/Failure with that token, or States.Timeout at `timeoutAt` (local clock).
   */
  async call(executionArn: string, timeoutAt: number, start: (token: string) => Promise<unknown>): Promise<Json> {
    // An execution waits in one task at a time: a waiter left by an earlier wait must not fire into this one.
    this.dropExecution(executionArn);
    const token = randomBytes(48).toString('base64url');
    const result = new Promise<Json>((resolve, reject) => {
      this.waiters.set(token, { executionArn, resolve, reject, parked: false });
    });
    this.clock.at(`task:${token}`, timeoutAt, () => this.end(token)?.reject(statesTimeout()));
    try {
      await start(token);
    } catch (err) {
      this.abandon(token);
      throw err;
    }
    // The task's call returned: the execution now only waits.
    const w = this.waiters.get(token);
    if (w) {
      w.parked = true;
      this.setBusy(executionArn, false);
    }
    return result;
  }

  /** Void a token without an answer. */
  private abandon(token: string): void {
    this.waiters.delete(token);
    this.clock.cancel(`task:${token}`);
  }

  succeed(token: string, output: Json): void {
    this.take(token).resolve(output);
  }

  fail(token: string, error: Error): void {
    this.take(token).reject(error);
  }

  dropExecution(executionArn: string): void {
    for (const [token, w] of this.waiters) if (w.executionArn === executionArn) this.abandon(token);
  }

  clear(): void {
    this.waiters.clear();
  }

  private take(token: string): Waiter {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,}$/.test(token))
      throw new SfnError('InvalidToken', 'Invalid task token');
    const waiter = this.end(token);
    if (!waiter) {
      if (this.finished.has(token)) throw new SfnError('TaskTimedOut', 'Task timed out or already completed');
      throw new SfnError('TaskDoesNotExist', 'Task does not exist');
    }
    return waiter;
  }

  /** Close the token (it now answers TaskTimedOut) and wake its execution. */
  private end(token: string): Waiter | undefined {
    const w = this.waiters.get(token);
    if (!w) return undefined;
    this.abandon(token);
    this.finished.add(token);
    if (w.parked) this.setBusy(w.executionArn, true);
    return w;
  }
}
