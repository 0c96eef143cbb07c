/** One run of the interpreter over an execution: from its start, or from the journalled state after a restart. */
import { StateMachine } from 'aws-local-stepfunctions';
import type { LocalClock } from '../clock';
import type { CallbackTasks, Json } from './callbacks';
import { contextObject, stateEntries, withToken } from './context';
import { type Hooks, prepare, type Timing } from './definition';
import type { ExecutionRecord } from './journal';
import { type PendingRetry, RetryPauses, retriersByState } from './retries';
import { type Invoker, invokeTask } from './tasks';
import { type ClockWaits, positiveSeconds, waitEnd } from './waits';

/** AWS's TimeoutSeconds when a Task gives none (developer guide, Task state). */
const DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;

export interface RunDeps {
  clock: LocalClock;
  invoke: Invoker;
  callbacks: CallbackTasks;
  waits: ClockWaits;
  /** Test mode: retry pauses this many times shorter than declared, in real time (default: as declared). */
  retrySpeedUp?: number;
  /** A retry is due (to journal it, so that a restart continues it). */
  retrying?: (state: string, retry: PendingRetry) => void;
}

/** The test-mode speed-up: the option, else LOCAL_SFN_RETRY_SPEEDUP, else 1 (as declared). */
export function retrySpeedUp(option?: number): number {
  const value = option ?? Number(process.env.LOCAL_SFN_RETRY_SPEEDUP ?? 1);
  if (!Number.isFinite(value) || value < 1)
    throw new RangeError(`The retry speed-up must be a number of at least 1, not ${JSON.stringify(value)}`);
  if (value > 1 && !warned) console.warn(`Step Functions stand-in: retries ${value}× faster than declared — test mode`);
  warned ||= value > 1;
  return value;
}
let warned = false;

/**
 * A retry's pause. As declared: on the local clock, the execution idle meanwhile (like a Wait state), so a
 * clock move past the moment runs the retry. Test mode: that pause shortened, in real time, the execution
 * busy, so that waiting for the stand-in to settle includes the retry.
 */
async function retryPause(deps: RunDeps, rec: ExecutionRecord, pauseMs: number): Promise<void> {
  const speedUp = retrySpeedUp(deps.retrySpeedUp);
  if (speedUp === 1) await deps.waits.until(rec.executionArn, deps.clock.now().getTime() + pauseMs);
  else await new Promise((resolve) => setTimeout(resolve, pauseMs / speedUp));
  // Stopped or timed out meanwhile: no further attempt, as in AWS.
  if (rec.status !== 'RUNNING') await new Promise(() => {});
}

export interface Machine {
  name: string;
  arn: string;
  definition: Record<string, any>;
}

export function startRun(deps: RunDeps, rec: ExecutionRecord, machine: Machine, input: Json) {
  const { clock, invoke, callbacks, waits } = deps;
  retrySpeedUp(deps.retrySpeedUp);
  const arn = rec.executionArn;
  // After a restart the state it was in runs again; its timers count from when it was first entered.
  let resumed = rec.current;
  const since = (state: string) => {
    const at = resumed?.state === state ? resumed.enteredAt : clock.now().getTime();
    resumed = undefined;
    return at;
  };
  // Each attempt of a Task: a retry first pauses as its retrier declares (see retries.ts).
  // Read from the definition the interpreter runs (prepare() lets a States.Timeout retrier take heartbeats).
  const retriers = new Map();
  const pauses = new RetryPauses(retriers, () => clock.now().getTime(), Math.random, deps.retrying);
  if (rec.current?.retry) pauses.resume(rec.current.state, rec.current.retry);
  const attempt = async (state: string, work: () => Promise<Json>) => {
    const pause = pauses.begin(state);
    if (pause !== undefined) await retryPause(deps, rec, pause);
    try {
      const result = await work();
      pauses.succeeded(state);
      return result;
    } catch (err) {
      // The interpreter counts retries too, from 0 after a restart: the stand-in's count decides.
      // (An own property: the interpreter's timeout errors have only a getter.)
      if (!pauses.failed(state, err as Error)) Object.defineProperty(err, 'isRetryable', { value: false });
      throw err;
    }
  };
  const callback = (state: string, resource: string, params: Json, timing: Timing) => {
    const start = since(state);
    const timeout = positiveSeconds(timing.timeoutSeconds, 'TimeoutSeconds', DEFAULT_TASK_TIMEOUT_SECONDS)!;
    const heartbeat = positiveSeconds(timing.heartbeatSeconds, 'HeartbeatSeconds');
    const deadlines = { timeoutAt: start + timeout * 1000, heartbeatMs: heartbeat && heartbeat * 1000 };
    return callbacks.call(arn, deadlines, (token) => invokeTask(invoke, state, resource, withToken(params, token)));
  };
  const hooks: Hooks = {
    task: (state, resource, params) => attempt(state, () => invokeTask(invoke, state, resource, params)),
    callback: (state, resource, params, timing) => attempt(state, () => callback(state, resource, params, timing)),
    wait: (state, timing) => waits.until(arn, waitEnd(timing, since(state))),
  };
  const { definition, handlers, states, timeoutSeconds } = prepare(
    machine.definition as any,
    rec.current?.state,
    hooks,
    stateEntries(clock, (state) => pauses.retryCount(state)),
  );
  retriersByState(definition, retriers);
  const sm = new StateMachine(definition as any, { validationOptions: { noValidate: true } });
  const facts = { ...rec, stateMachineName: machine.name };
  const execution = sm.run(input, {
    context: contextObject(facts, states) as any,
    overrides: {
      taskResourceLocalHandlers: handlers as any,
      // The interpreter decides on each retry, but its pause would be real time: the stand-in pauses instead.
      retryIntervalOverrides: Object.fromEntries(Object.keys(handlers).map((n) => [n, 0])),
    },
  });
  return { ...execution, timeoutSeconds };
}
