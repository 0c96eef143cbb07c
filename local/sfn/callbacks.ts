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
  heartbeatMs?: number;
}

/** When a callback task times out: its TimeoutSeconds, and HeartbeatSeconds after the last heartbeat. */
export interface Deadlines {
  timeoutAt: number;
  heartbeatMs?: number;
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
   * for SendTaskSuccess/Failure with that token, or a timeout on the local clock.
   */
  async call(executionArn: string, deadlines: Deadlines, start: (token: string) => Promise<unknown>): Promise<Json> {
    // An execution waits in one task at a time: a waiter left by an earlier wait must not fire into this one.
    this.dropExecution(executionArn);
    const token = randomBytes(48).toString('base64url');
    const result = new Promise<Json>((resolve, reject) => {
      this.waiters.set(token, { executionArn, resolve, reject, parked: false, heartbeatMs: deadlines.heartbeatMs });
    });
    this.clock.at(`task:${token}`, deadlines.timeoutAt, () => this.end(token)?.reject(statesTimeout()));
    this.armHeartbeat(token);
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

  /** SendTaskHeartbeat: the task is still at work; its heartbeat timer starts again. */
  heartbeat(token: string): void {
    this.find(token);
    this.armHeartbeat(token);
  }

  private armHeartbeat(token: string): void {
    const ms = this.waiters.get(token)?.heartbeatMs;
    if (ms === undefined) return;
    this.clock.at(`heartbeat:${token}`, this.clock.now().getTime() + ms, () =>
      this.end(token)?.reject(statesTimeout('States.HeartbeatTimeout')),
    );
  }

  /** Void a token without an answer. */
  private abandon(token: string): void {
    this.waiters.delete(token);
    this.clock.cancel(`task:${token}`);
    this.clock.cancel(`heartbeat:${token}`);
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

  /** The open task of a token, or the error AWS answers for it. */
  private find(token: string): Waiter {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,}$/.test(token))
      throw new SfnError('InvalidToken', 'Invalid Token');
    const waiter = this.waiters.get(token);
    if (waiter) return waiter;
    if (this.finished.has(token)) throw new SfnError('TaskTimedOut', 'Task Timed Out');
    throw new SfnError('TaskDoesNotExist', 'Task does not exist');
  }

  private take(token: string): Waiter {
    this.find(token);
    return this.end(token)!;
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
