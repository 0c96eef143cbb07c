/**
 * A Step Functions stand-in: the same ASL files run by the aws-local-stepfunctions interpreter, with
 * what that interpreter lacks added in local/sfn/ so that it behaves as AWS does (docs/local-mode.md):
 * - callback tasks with their own fresh token, resumed by SendTaskSuccess/Failure, kept alive by
 *   SendTaskHeartbeat, timed out by TimeoutSeconds(Path) and HeartbeatSeconds(Path);
 * - every timer (callback timeouts, Wait states, the execution's timeout) on the local clock;
 * - AWS's error names, causes, statuses and the 256 KiB quota; the context object;
 * - executions journalled, one append-only file each (state entered, with its input, and the history),
 *   so after a restart each one continues from the state it was in; the steps are idempotent, as they
 *   must be in AWS too. Finished executions are pruned after a retention (AWS: 90 days).
 */
import { randomBytes } from 'node:crypto';
import type { LocalClock } from './clock';
import { functionFromArn, invokeFunction, LOCAL_ACCOUNT, LOCAL_REGION } from './lambda';
import { Activity } from './sfn/activity';
import { CallbackTasks, type Json } from './sfn/callbacks';
import { checkDataLimit, executionFailure, SfnError } from './sfn/errors';
import { Executions } from './sfn/executions';
import { type EventLog, type Histories, stateTypes } from './sfn/history';
import { Machines } from './sfn/machines';
import { checkExecutionName, executionInput, taskOutput } from './sfn/requests';
import type { ExecutionRecord } from './sfn/journal';
import type { PendingRetry } from './sfn/retries';
import { startRun } from './sfn/runner';
import type { Invoker } from './sfn/tasks';
import { ClockWaits } from './sfn/waits';

type Outcome = Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>;

export { SfnError } from './sfn/errors';
export type { ExecutionRecord, ExecutionStatus } from './sfn/journal';
export type { Invoker } from './sfn/tasks';

const invokeLocal: Invoker = (fn, payload) => invokeFunction(functionFromArn(fn), payload);
/** A Standard execution runs one year at most; then it times out (developer guide, service quotas). */
const MAX_EXECUTION_MS = 365 * 86400_000;

export interface LocalStepFunctionsOptions {
  /** The folder where executions are journalled, one file each; none: in memory only. */
  journalDir?: string;
  /** How long a finished execution is kept, on the local clock (AWS: 90 days). */
  retentionDays?: number;
  /** How Task states call Lambda (tests pass their own functions). */
  invoke?: Invoker;
  /** Test mode only: retry pauses this many times shorter (default: LOCAL_SFN_RETRY_SPEEDUP, else as declared). */
  retrySpeedUp?: number;
}

export class LocalStepFunctions {
  readonly machines: Machines;
  readonly histories: Histories;
  private readonly executions: Executions;
  private running = new Map<string, { abort: () => void }>();
  private readonly activity = new Activity();
  private readonly callbacks: CallbackTasks;
  private readonly waits: ClockWaits;
  private readonly invoke: Invoker;
  private stopping = false;

  constructor(
    private readonly clock: LocalClock,
    private readonly options: LocalStepFunctionsOptions = {},
  ) {
    this.machines = new Machines(() => clock.now().getTime());
    this.executions = new Executions(clock, options.journalDir, options.retentionDays);
    this.histories = this.executions.histories;
    this.invoke = options.invoke ?? invokeLocal;
    const setBusy = (arn: string, busy: boolean) => this.activity.setBusy(arn, busy);
    this.callbacks = new CallbackTasks(clock, setBusy);
    this.waits = new ClockWaits(clock, setBusy);
  }

  /** What the journal could not read back at start (damaged files), one line each. */
  get journalProblems(): readonly string[] {
    return this.executions.problems;
  }

  /** A state machine of the product (or a test): its ARN. */
  register(name: string, definition: Record<string, any>): string {
    return this.machines.create(name, JSON.stringify(definition)).arn;
  }

  /** Continue every execution that was running when the runtime stopped. */
  resumeJournal(): void {
    for (const rec of this.executions.values()) {
      if (rec.status === 'RUNNING') this.run(rec, rec.current?.input ?? JSON.parse(rec.input));
    }
  }

  startExecution(stateMachineArn: string, name: string | undefined, input: string | undefined): ExecutionRecord {
    const machine = this.machines.get(stateMachineArn);
    const execName = name ?? randomBytes(16).toString('hex');
    checkExecutionName(execName);
    const executionArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${machine.name}:${execName}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // Same name and input while running is an idempotent start, as in AWS.
      if (existing.status === 'RUNNING' && existing.input === (input ?? '{}')) return existing;
      throw new SfnError('ExecutionAlreadyExists', `Execution already exists: ${executionArn}`);
    }
    const parsed = executionInput(input ?? '{}');
    const rec: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name: execName,
      input: input ?? '{}',
      status: 'RUNNING',
      startDate: this.clock.now().getTime(),
    };
    this.executions.started(rec);
    this.run(rec, parsed);
    return rec;
  }

  describeExecution(executionArn: string): ExecutionRecord {
    const rec = this.executions.get(executionArn);
    if (!rec) throw new SfnError('ExecutionDoesNotExist', `Execution does not exist: ${executionArn}`);
    return rec;
  }

  listExecutions(stateMachineArn: string, status?: string): ExecutionRecord[] {
    this.machines.get(stateMachineArn);
    return [...this.executions.values()]
      .filter((e) => e.stateMachineArn === stateMachineArn && (!status || e.status === status))
      .sort((a, b) => b.startDate - a.startDate);
  }

  stopExecution(executionArn: string, error?: string, cause?: string): ExecutionRecord {
    const rec = this.describeExecution(executionArn);
    this.end(rec, { status: 'ABORTED', error, cause });
    return rec;
  }

  sendTaskSuccess(token: string, output: string): void {
    this.callbacks.succeed(token, taskOutput(output));
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    const err = new Error(cause ?? '');
    err.name = error ?? 'TaskFailed';
    this.callbacks.fail(token, err);
  }

  sendTaskHeartbeat(token: string): void {
    this.callbacks.heartbeat(token);
  }

  /**
   * Stop interpreting without recording an end: the journal keeps these executions RUNNING,
   * and the next start continues them.
   */
  shutdown(): void {
    this.stopping = true;
    this.executions.writing = false;
    for (const r of this.running.values()) r.abort();
    this.running.clear();
    this.callbacks.clear();
  }

  /** Count other work (scheduled ticks) as activity, so that moving the clock waits for it too. */
  track<T>(work: Promise<T>): Promise<T> {
    return this.activity.track(work);
  }

  isIdle(): boolean {
    return this.activity.isIdle();
  }

  whenIdle(): Promise<void> {
    return this.activity.whenIdle();
  }

  private run(rec: ExecutionRecord, input: Json): void {
    // A machine created through the API is not kept across restarts: its executions stay as they were.
    const machine = this.machines.find(rec.stateMachineArn);
    if (!machine) return;
    const arn = rec.executionArn;
    const deps = { clock: this.clock, invoke: this.invoke, callbacks: this.callbacks, waits: this.waits };
    // Busy before the interpreter starts: it enters the first state before `run` returns.
    this.activity.running(arn, true);
    const retrying = (state: string, retry: PendingRetry) => this.executions.retrying(rec, state, retry);
    const execution = startRun({ ...deps, retrySpeedUp: this.options.retrySpeedUp, retrying }, rec, machine, input);
    // The execution's own TimeoutSeconds, and AWS's one-year maximum, on the local clock.
    const limit = Math.min((execution.timeoutSeconds ?? Number.POSITIVE_INFINITY) * 1000, MAX_EXECUTION_MS);
    this.clock.at(`execution:${arn}`, rec.startDate + limit, () =>
      this.end(rec, { status: 'TIMED_OUT', error: 'States.Timeout', cause: undefined }),
    );
    this.running.set(arn, { abort: execution.abort });
    // The outcome waits for the journal to see every event: a state's output over the quota fails the run.
    const states = stateTypes(machine.definition as any);
    const journalled = this.journal(rec, execution.eventLogs, (ev) =>
      this.histories.record(arn, ev, states, machine.roleArn),
    ).catch((err) => console.error(`journal of ${arn} failed`, err));
    execution.result.then(
      async (output) => {
        await journalled;
        if (rec.status !== 'RUNNING' || this.stopping) return;
        try {
          checkDataLimit(output, 'output of the execution');
          this.finish(rec, { status: 'SUCCEEDED', output: JSON.stringify(output) });
        } catch (err) {
          this.finish(rec, { status: 'FAILED', ...executionFailure(err as Error) });
        }
      },
      async (err: Error) => {
        await journalled;
        if (rec.status !== 'RUNNING' || this.stopping) return;
        this.finish(rec, { status: 'FAILED', ...executionFailure(err) });
      },
    );
  }

  private async journal(
    rec: ExecutionRecord,
    events: AsyncGenerator<EventLog>,
    history: (ev: EventLog) => void,
  ): Promise<void> {
    const follow = this.executions.follow(rec, history);
    for await (const ev of events) {
      follow(ev);
      // Any state's output over the quota ends the execution (a Task's is checked before it leaves the task).
      if (ev.type === 'StateExited' && rec.status === 'RUNNING') {
        try {
          checkDataLimit(ev.state.output, `output of state '${ev.state.name}'`);
        } catch (err) {
          this.end(rec, { status: 'FAILED', ...executionFailure(err as Error) });
        }
      }
    }
  }

  /** Record the outcome; the interpreter has stopped by itself. */
  private finish(rec: ExecutionRecord, outcome: Outcome): void {
    Object.assign(rec, outcome, { stopDate: this.clock.now().getTime(), current: undefined });
    this.callbacks.dropExecution(rec.executionArn);
    this.waits.drop(rec.executionArn);
    this.clock.cancel(`execution:${rec.executionArn}`);
    this.running.delete(rec.executionArn);
    this.activity.running(rec.executionArn, false);
    this.executions.ended(rec);
  }

  /** End an execution from outside the interpreter (stopped, timed out, over a quota). */
  private end(rec: ExecutionRecord, outcome: Outcome): void {
    if (rec.status !== 'RUNNING') return;
    const run = this.running.get(rec.executionArn);
    this.finish(rec, outcome);
    run?.abort();
  }
}
