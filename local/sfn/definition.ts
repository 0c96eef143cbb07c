/**
 * The definition the interpreter runs: the registered ASL with every Task state (also inside Map
 * and Parallel) handed to the stand-in, and the timers the stand-in keeps on the local clock taken
 * out of the interpreter's hands (its setTimeout follows real time and ends above ~24.8 days).
 */
import type { Json } from './callbacks';

type State = Record<string, any>;
type Machine = { StartAt: string; States: Record<string, State>; TimeoutSeconds?: number };
export type TaskHandler = (input: Json) => Promise<Json>;

export interface Hooks {
  /** A plain Task: call its resource with the effective input (after Parameters). */
  task: (stateName: string, resource: string, input: Json) => Promise<Json>;
  /** A `.waitForTaskToken` Task: call its resource with a fresh token and wait for the answer. */
  callback: (stateName: string, state: State, input: Json) => Promise<Json>;
}

/** Long enough never to end before the stand-in's own timers (and below setTimeout's limit). */
const INTERPRETER_TIMEOUT_SECONDS = 2_000_000;

function eachState(machine: Machine, visit: (name: string, state: State) => void): void {
  for (const [name, state] of Object.entries(machine.States)) {
    visit(name, state);
    for (const branch of state.Branches ?? []) eachState(branch, visit);
    for (const inner of [state.Iterator, state.ItemProcessor]) if (inner) eachState(inner, visit);
  }
}

export function prepare(
  registered: Machine,
  startAt: string | undefined,
  hooks: Hooks,
): { definition: Machine; handlers: Record<string, TaskHandler>; timeoutSeconds?: number } {
  const definition = structuredClone(registered);
  if (startAt) definition.StartAt = startAt;
  const timeoutSeconds = definition.TimeoutSeconds;
  delete definition.TimeoutSeconds;
  const handlers: Record<string, TaskHandler> = {};
  eachState(definition, (name, state) => {
    if (state.Type !== 'Task') return;
    const original = structuredClone(state);
    for (const field of ['TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath']) delete state[field];
    // A plain Task keeps its TimeoutSeconds (AWS has no default, the interpreter would end it at 60 s).
    const callback = String(state.Resource).endsWith('.waitForTaskToken');
    if (callback || !state.TimeoutSeconds) state.TimeoutSeconds = INTERPRETER_TIMEOUT_SECONDS;
    handlers[name] = callback
      ? (input) => hooks.callback(name, original, input)
      : (input) => hooks.task(name, state.Resource, input);
  });
  return { definition, handlers, timeoutSeconds };
}
