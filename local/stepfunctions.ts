/**
 * A Step Functions stand-in: the same ASL files run by the aws-local-stepfunctions interpreter,
 * with what that interpreter lacks added here:
 * - every .waitForTaskToken task gets its own fresh token, resumed by SendTaskSuccess/Failure;
 * - waits end on the local clock at an absolute time (the task's wakeAt), whatever their length;
 * - executions are journalled (state entered, with its input), so after a restart each one
 *   continues from the state it was in; the steps are idempotent, as they must be in AWS too.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;
import type { LocalClock } from './clock';
import { functionFromArn, invokeFunction, LOCAL_ACCOUNT, LOCAL_REGION } from './lambda';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  /** The top-level state it is in, with that state's input: where a restart continues. */
  current?: { state: string; input: Json; enteredAt: number };
}

export class SfnError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

interface Waiter {
  executionArn: string;
  resolve: (v: Json) => void;
  reject: (e: Error) => void;
  parked: boolean;
}

/** States we wait in for a long time must not use the interpreter's setTimeout (max ~24.8 days). */
const INTERPRETER_TIMEOUT_SECONDS = 2_000_000;

export class LocalStepFunctions {
  private machines = new Map<string, { name: string; definition: Record<string, any> }>();
  private executions = new Map<string, ExecutionRecord>();
  private running = new Map<string, { abort: () => void; busy: boolean }>();
  private waiters = new Map<string, Waiter>();
  private finishedTokens = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private stopping = false;
  private otherWork = 0;

  constructor(
    private readonly clock: LocalClock,
    private readonly journalFile?: string,
  ) {
    if (journalFile) {
      try {
        for (const rec of JSON.parse(readFileSync(journalFile, 'utf8')) as ExecutionRecord[])
          this.executions.set(rec.executionArn, rec);
      } catch {
        /* no journal yet */
      }
    }
  }

  register(name: string, definition: Record<string, any>): string {
    const arn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
    // Validate once, as written; runs may start elsewhere (after a restart), which leaves states unreachable.
    new StateMachine(definition as any, { validationOptions: { checkArn: true, checkPaths: true } });
    this.machines.set(arn, { name, definition });
    return arn;
  }

  /** Continue every execution that was running when the runtime stopped. */
  resumeJournal(): void {
    for (const rec of this.executions.values()) {
      if (rec.status === 'RUNNING') this.run(rec, rec.current?.state, rec.current?.input ?? JSON.parse(rec.input));
    }
  }

  startExecution(stateMachineArn: string, name: string | undefined, input: string | undefined): ExecutionRecord {
    const machine = this.machines.get(stateMachineArn);
    if (!machine) throw new SfnError('StateMachineDoesNotExist', `State machine does not exist: ${stateMachineArn}`);
    const execName = name ?? randomBytes(16).toString('hex');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(execName))
      throw new SfnError('InvalidName', `Invalid execution name: ${execName}`);
    const executionArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${machine.name}:${execName}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // Same name and input while running is an idempotent start, as in AWS.
      if (existing.status === 'RUNNING' && existing.input === (input ?? '{}')) return existing;
      throw new SfnError('ExecutionAlreadyExists', `Execution already exists: ${executionArn}`);
    }
    let parsed: Json;
    try {
      parsed = JSON.parse(input ?? '{}');
    } catch {
      throw new SfnError('InvalidExecutionInput', 'Input is not valid JSON');
    }
    const rec: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name: execName,
      input: input ?? '{}',
      status: 'RUNNING',
      startDate: this.clock.now().getTime(),
    };
    this.executions.set(executionArn, rec);
    this.persist();
    this.run(rec, undefined, parsed);
    return rec;
  }

  describeExecution(executionArn: string): ExecutionRecord {
    const rec = this.executions.get(executionArn);
    if (!rec) throw new SfnError('ExecutionDoesNotExist', `Execution does not exist: ${executionArn}`);
    return rec;
  }

  listExecutions(stateMachineArn: string, status?: string): ExecutionRecord[] {
    if (!this.machines.has(stateMachineArn))
      throw new SfnError('StateMachineDoesNotExist', `State machine does not exist: ${stateMachineArn}`);
    return [...this.executions.values()]
      .filter((e) => e.stateMachineArn === stateMachineArn && (!status || e.status === status))
      .sort((a, b) => b.startDate - a.startDate);
  }

  stopExecution(executionArn: string, error?: string, cause?: string): ExecutionRecord {
    const rec = this.describeExecution(executionArn);
    if (rec.status !== 'RUNNING') return rec;
    this.finish(rec, { status: 'ABORTED', error, cause });
    this.running.get(executionArn)?.abort();
    return rec;
  }

  sendTaskSuccess(token: string, output: string): void {
    let value: Json;
    try {
      value = JSON.parse(output);
    } catch {
      throw new SfnError('InvalidOutput', 'Output is not valid JSON');
    }
    this.take(token).resolve(value);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    const err = new Error(cause ?? '');
    err.name = error ?? 'TaskFailed';
    this.take(token).reject(err);
  }

  /**
   * Stop interpreting without recording an end: the journal keeps these executions RUNNING,
   * and the next start continues them.
   */
  shutdown(): void {
    this.stopping = true;
    for (const r of this.running.values()) r.abort();
    this.running.clear();
    this.waiters.clear();
  }

  /** Count other work (scheduled ticks) as activity, so that moving the clock waits for it too. */
  track<T>(work: Promise<T>): Promise<T> {
    this.otherWork += 1;
    const done = () => {
      this.otherWork -= 1;
      this.notifyIdle();
    };
    work.then(done, done);
    return work;
  }

  /** True when every running execution waits for a token or a timer, and no other work runs. */
  isIdle(): boolean {
    return this.otherWork === 0 && [...this.running.values()].every((r) => !r.busy);
  }

  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      const check = () =>
        this.isIdle()
          ? setImmediate(() => (this.isIdle() ? resolve() : this.idleWaiters.push(check)))
          : this.idleWaiters.push(check);
      check();
    });
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiting = this.idleWaiters.splice(0);
    for (const w of waiting) w();
  }

  private setBusy(executionArn: string, busy: boolean): void {
    const r = this.running.get(executionArn);
    if (r) r.busy = busy;
    if (!busy) this.notifyIdle();
  }

  private take(token: string): Waiter {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,}$/.test(token))
      throw new SfnError('InvalidToken', 'Invalid task token');
    const waiter = this.waiters.get(token);
    if (!waiter) {
      if (this.finishedTokens.has(token)) throw new SfnError('TaskTimedOut', 'Task timed out or already completed');
      throw new SfnError('TaskDoesNotExist', 'Task does not exist');
    }
    this.waiters.delete(token);
    this.finishedTokens.add(token);
    this.clock.cancel(`task:${token}`);
    if (waiter.parked) this.setBusy(waiter.executionArn, true);
    return waiter;
  }

  private run(rec: ExecutionRecord, startAt: string | undefined, input: Json): void {
    const machine = this.machines.get(rec.stateMachineArn);
    if (!machine) return;
    const definition = structuredClone(machine.definition);
    if (startAt) definition.StartAt = startAt;
    const overrides: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [name, state] of Object.entries<any>(definition.States)) {
      if (state.Type !== 'Task') continue;
      if (String(state.Resource).endsWith('.waitForTaskToken')) {
        delete state.TimeoutSecondsPath;
        delete state.HeartbeatSeconds;
        delete state.HeartbeatSecondsPath;
        state.TimeoutSeconds = INTERPRETER_TIMEOUT_SECONDS;
        overrides[name] = (params) => this.waitForToken(rec.executionArn, params as any);
      } else {
        overrides[name] = (params) => this.invokeTask(state.Resource, params as any);
      }
    }
    const sm = new StateMachine(definition as any, { validationOptions: { noValidate: true } });
    const execution = sm.run(input, {
      context: {
        Execution: {
          Id: rec.executionArn,
          Name: rec.name,
          Input: JSON.parse(rec.input),
          StartTime: new Date(rec.startDate).toISOString(),
        },
        Task: { Token: 'replaced-per-task' },
      } as any,
      // The ASL's retry pauses are kept short locally: the retries themselves still happen.
      overrides: {
        taskResourceLocalHandlers: overrides as any,
        retryIntervalOverrides: Object.fromEntries(Object.keys(overrides).map((n) => [n, 50])),
      },
    });
    this.running.set(rec.executionArn, { abort: execution.abort, busy: true });
    void this.journal(rec, execution.eventLogs);
    execution.result.then(
      (output) => !this.stopping && this.finish(rec, { status: 'SUCCEEDED', output: JSON.stringify(output) }),
      (err: Error & { cause?: unknown }) => {
        if (rec.status !== 'RUNNING' || this.stopping) return;
        this.finish(rec, { status: 'FAILED', error: err.name, cause: err.message });
      },
    );
  }

  private async journal(rec: ExecutionRecord, events: AsyncGenerator<EventLog>): Promise<void> {
    for await (const ev of events) {
      if (ev.type === 'StateEntered' && ev.index === undefined && rec.status === 'RUNNING' && !this.stopping) {
        rec.current = { state: ev.state.name, input: ev.state.input as Json, enteredAt: this.clock.now().getTime() };
        this.persist();
      }
    }
  }

  private finish(rec: ExecutionRecord, result: Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>): void {
    Object.assign(rec, result, { stopDate: this.clock.now().getTime(), current: undefined });
    for (const [token, w] of this.waiters) {
      if (w.executionArn === rec.executionArn) {
        this.waiters.delete(token);
        this.clock.cancel(`task:${token}`);
      }
    }
    this.running.delete(rec.executionArn);
    this.persist();
    this.notifyIdle();
  }

  private async invokeTask(resource: string, params: { FunctionName?: string; Payload?: Json }): Promise<Json> {
    const viaIntegration = resource.startsWith('arn:aws:states:::lambda:invoke');
    const fn = functionFromArn(viaIntegration ? String(params.FunctionName) : resource);
    const payload = viaIntegration ? params.Payload : params;
    const result = (await invokeFunction(fn, payload)) as Json;
    return viaIntegration ? { StatusCode: 200, Payload: result ?? null } : (result ?? null);
  }

  private async waitForToken(
    executionArn: string,
    params: { FunctionName?: string; Payload?: Record<string, Json> },
  ): Promise<Json> {
    const wakeAt = params.Payload?.wakeAt;
    if (typeof wakeAt !== 'string' || Number.isNaN(Date.parse(wakeAt))) {
      throw Object.assign(
        new Error('Local runtime: a waitForTaskToken task must pass wakeAt (ISO time) in its Payload'),
        { name: 'States.Runtime' },
      );
    }
    // An execution waits in one task at a time: a waiter left by an earlier wait (its interpreter
    // timeout won the race) must not fire into this one.
    for (const [old, w] of this.waiters) {
      if (w.executionArn === executionArn) {
        this.waiters.delete(old);
        this.clock.cancel(`task:${old}`);
      }
    }
    const token = randomBytes(48).toString('base64url');
    const result = new Promise<Json>((resolve, reject) => {
      this.waiters.set(token, { executionArn, resolve, reject, parked: false });
    });
    this.clock.at(`task:${token}`, Date.parse(wakeAt), () => {
      const w = this.waiters.get(token);
      if (!w) return;
      this.waiters.delete(token);
      this.finishedTokens.add(token);
      if (w.parked) this.setBusy(executionArn, true);
      w.reject(Object.assign(new Error('Task timed out'), { name: 'States.Timeout' }));
    });
    try {
      await this.invokeTask('arn:aws:states:::lambda:invoke', {
        FunctionName: params.FunctionName,
        Payload: { ...params.Payload, taskToken: token },
      });
    } catch (err) {
      this.waiters.delete(token);
      this.clock.cancel(`task:${token}`);
      throw err;
    }
    const w = this.waiters.get(token);
    if (w) {
      w.parked = true;
      this.setBusy(executionArn, false);
    }
    return result;
  }

  private persist(): void {
    if (!this.journalFile || this.stopping) return;
    const tmp = `${this.journalFile}.tmp`;
    writeFileSync(tmp, JSON.stringify([...this.executions.values()]));
    renameSync(tmp, this.journalFile);
  }
}
