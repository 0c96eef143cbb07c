/** One run of the interpreter over an execution: from its start, or from the journalled state after a restart. */
import { StateMachine } from 'aws-local-stepfunctions';
import type { LocalClock } from '../clock';
import type { CallbackTasks, Json } from './callbacks';
import { contextObject, stateEntries, withToken } from './context';
import { type Hooks, prepare, type Timing } from './definition';
import type { ExecutionRecord } from './journal';
import { type Invoker, invokeTask } from './tasks';
import { type ClockWaits, positiveSeconds, waitEnd } from './waits';

/** AWS's TimeoutSeconds when a Task gives none (developer guide, Task state). */
const DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;

export interface RunDeps {
  clock: LocalClock;
  invoke: Invoker;
  callbacks: CallbackTasks;
  waits: ClockWaits;
}

export interface Machine {
  name: string;
  arn: string;
  definition: Record<string, any>;
}

export function startRun(deps: RunDeps, rec: ExecutionRecord, machine: Machine, input: Json) {
  const { clock, invoke, callbacks, waits } = deps;
  const arn = rec.executionArn;
  // After a restart the state it was in runs again; its timers count from when it was first entered.
  let resumed = rec.current;
  const since = (state: string) => {
    const at = resumed?.state === state ? resumed.enteredAt : clock.now().getTime();
    resumed = undefined;
    return at;
  };
  // Failed attempts per Task since it was entered, for $$.State.RetryCount.
  const attempts = new Map<string, number>();
  const counted = (state: string, work: () => Promise<Json>) => {
    for (const other of attempts.keys()) if (other !== state) attempts.delete(other);
    return work().then(
      (result) => (attempts.delete(state), result),
      (err) => {
        attempts.set(state, (attempts.get(state) ?? 0) + 1);
        throw err;
      },
    );
  };
  const callback = (state: string, resource: string, params: Json, timing: Timing) => {
    const start = since(state);
    const timeout = positiveSeconds(timing.timeoutSeconds, 'TimeoutSeconds', DEFAULT_TASK_TIMEOUT_SECONDS)!;
    const heartbeat = positiveSeconds(timing.heartbeatSeconds, 'HeartbeatSeconds');
    const deadlines = { timeoutAt: start + timeout * 1000, heartbeatMs: heartbeat && heartbeat * 1000 };
    return callbacks.call(arn, deadlines, (token) => invokeTask(invoke, state, resource, withToken(params, token)));
  };
  const hooks: Hooks = {
    task: (state, resource, params) => counted(state, () => invokeTask(invoke, state, resource, params)),
    callback: (state, resource, params, timing) => counted(state, () => callback(state, resource, params, timing)),
    wait: (state, timing) => waits.until(arn, waitEnd(timing, since(state))),
  };
  const { definition, handlers, states, timeoutSeconds } = prepare(
    machine.definition as any,
    rec.current?.state,
    hooks,
    stateEntries(clock, attempts),
  );
  const sm = new StateMachine(definition as any, { validationOptions: { noValidate: true } });
  const facts = { ...rec, stateMachineName: machine.name };
  const execution = sm.run(input, {
    context: contextObject(facts, states) as any,
    overrides: {
      taskResourceLocalHandlers: handlers as any,
      // The ASL's retry pauses are kept short locally: the retries themselves still happen.
      retryIntervalOverrides: Object.fromEntries(Object.keys(handlers).map((n) => [n, 50])),
    },
  });
  return { ...execution, timeoutSeconds };
}
