/**
 * The definition the interpreter runs: the registered ASL with every Task state (also inside Map
 * and Parallel) handed to the stand-in, and every timer taken out of the interpreter's hands (its
 * setTimeout follows real time, not the local clock, and ends at once above ~24.8 days):
 * - a callback task's TimeoutSeconds(Path) and HeartbeatSeconds(Path) are read by the stand-in;
 * - a Wait state becomes a Task the stand-in ends on the local clock;
 * - the execution's own TimeoutSeconds is returned, for the stand-in to keep.
 * The values the stand-in needs are evaluated by the interpreter itself, as extra Parameters.
 */
import type { Json } from './callbacks';
import { type StateEntry, rewriteContextPaths } from './context';

type State = Record<string, any>;
type Machine = { StartAt: string; States: Record<string, State>; TimeoutSeconds?: number };
export type TaskHandler = (input: Json) => Promise<Json>;
/** What the stand-in reads for a callback task or a Wait state, evaluated on the state's input. */
export type Timing = { timeoutSeconds?: Json; heartbeatSeconds?: Json; seconds?: Json; timestamp?: Json };

export interface Hooks {
  /** A plain Task: call its resource with the effective input (after Parameters). */
  task: (stateName: string, resource: string, input: Json) => Promise<Json>;
  /** A `.waitForTaskToken` Task: call its resource with a fresh token and wait for the answer. */
  callback: (stateName: string, resource: string, input: Json, timing: Timing) => Promise<Json>;
  /** A Wait state: resolve with its input when its time has come on the local clock. */
  wait: (stateName: string, timing: Timing) => Promise<void>;
}

/** Long enough never to end before the stand-in's own timers (and below setTimeout's limit). */
const INTERPRETER_TIMEOUT_SECONDS = 2_000_000;
const WAIT_RESOURCE = 'arn:aws:states:::local-stand-in:wait';

function eachState(machine: Machine, visit: (name: string, state: State) => void): void {
  for (const [name, state] of Object.entries(machine.States)) {
    visit(name, state);
    for (const branch of state.Branches ?? []) eachState(branch, visit);
    for (const inner of [state.Iterator, state.ItemProcessor]) if (inner) eachState(inner, visit);
  }
}

/** `{ "x": 5 }` or `{ "x.$": "$.path" }` for the first of the fields the state has. */
function timingField(state: State, name: keyof Timing, fixed: string, path: string): Record<string, Json> {
  if (state[path] !== undefined) return { [`${name}.$`]: state[path] };
  return state[fixed] !== undefined ? { [name]: state[fixed] } : {};
}

/** Wrap Parameters so the interpreter evaluates `timing` too: the handler gets `{ params, timing }`. */
function withTiming(state: State, timing: Record<string, Json>): void {
  const params = state.Parameters === undefined ? { 'params.$': '$' } : { params: state.Parameters };
  state.Parameters = { ...params, timing };
}

const unwrap = (input: Json) => input as { params: Json; timing: Timing };

/** A heartbeat timeout is also a States.Timeout (developer guide, error names): let those match it. */
function heartbeatAsTimeout(state: State): void {
  for (const rule of [...(state.Retry ?? []), ...(state.Catch ?? [])])
    if (rule.ErrorEquals.includes('States.Timeout')) rule.ErrorEquals.push('States.HeartbeatTimeout');
}

function prepareCallback(name: string, state: State, hooks: Hooks): TaskHandler {
  withTiming(state, {
    ...timingField(state, 'timeoutSeconds', 'TimeoutSeconds', 'TimeoutSecondsPath'),
    ...timingField(state, 'heartbeatSeconds', 'HeartbeatSeconds', 'HeartbeatSecondsPath'),
  });
  if (state.HeartbeatSeconds !== undefined || state.HeartbeatSecondsPath !== undefined) heartbeatAsTimeout(state);
  for (const field in state) if (/^(Timeout|Heartbeat)Seconds/.test(field)) delete state[field];
  state.TimeoutSeconds = INTERPRETER_TIMEOUT_SECONDS;
  const resource = String(state.Resource).replace(/\.waitForTaskToken$/, '');
  return (input) => hooks.callback(name, resource, unwrap(input).params, unwrap(input).timing);
}

function prepareWait(name: string, state: State, hooks: Hooks): TaskHandler {
  const timing = {
    ...timingField(state, 'seconds', 'Seconds', 'SecondsPath'),
    ...timingField(state, 'timestamp', 'Timestamp', 'TimestampPath'),
  };
  for (const field of ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']) delete state[field];
  Object.assign(state, { Type: 'Task', Resource: WAIT_RESOURCE, TimeoutSeconds: INTERPRETER_TIMEOUT_SECONDS });
  withTiming(state, timing);
  return async (input) => {
    await hooks.wait(name, unwrap(input).timing);
    return unwrap(input).params;
  };
}

export function prepare(
  registered: Machine,
  startAt: string | undefined,
  hooks: Hooks,
  stateEntry: (name: string) => StateEntry,
): {
  definition: Machine;
  handlers: Record<string, TaskHandler>;
  states: Record<string, StateEntry>;
  timeoutSeconds?: number;
} {
  const definition = structuredClone(registered);
  if (startAt) definition.StartAt = startAt;
  const timeoutSeconds = definition.TimeoutSeconds;
  delete definition.TimeoutSeconds;
  const states = rewriteContextPaths(definition, stateEntry);
  const handlers: Record<string, TaskHandler> = {};
  eachState(definition, (name, state) => {
    if (state.Type === 'Wait') handlers[name] = prepareWait(name, state, hooks);
    else if (state.Type !== 'Task') return;
    else if (String(state.Resource).endsWith('.waitForTaskToken')) handlers[name] = prepareCallback(name, state, hooks);
    else {
      // A plain Task keeps its TimeoutSeconds (AWS has no default; the interpreter would end it at 60 s).
      if (!state.TimeoutSeconds) state.TimeoutSeconds = INTERPRETER_TIMEOUT_SECONDS;
      handlers[name] = (input) => hooks.task(name, state.Resource, input);
    }
  });
  return { definition, handlers, states, timeoutSeconds };
}
