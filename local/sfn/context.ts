/**
 * The context object (`$$`) as AWS fills it: the interpreter sets `$$.Execution.StartTime` to the real
 * time of each run (a restart is a new run) and `$$.Execution.Input` to the input of the state it
 * started at, and has no `$$.State`. Paths into those are pointed at fields the stand-in fills in:
 * `$$.Execution` at the execution as started, `$$.State` at one entry per state, `$$` at both.
 */
import type { LocalClock } from '../clock';

export const TOKEN_PLACEHOLDER = 'local-stand-in-task-token';

const EXECUTION = 'StandInExecution';
const STATES = 'StandInStates';
const WHOLE = 'StandInContext';

/** Rewrite the context paths of every string in `value` (not in a Comment or a Pass state's Result). */
function rewrite(value: any, stateKey: string | undefined, nested: Set<string>): any {
  // The whole `$$` (AWS's human-in-the-loop sample passes it on) is the context with this state's entry.
  if (value === '$$' && stateKey) return `$$.${WHOLE}.${stateKey}`;
  if (typeof value === 'string')
    return value
      .replace(/\$\$\.Execution\b/g, `$$$$.${EXECUTION}`)
      .replace(/\$\$\.State\b(?!Machine)/g, stateKey ? `$$$$.${STATES}.${stateKey}` : '$$$$.State');
  if (Array.isArray(value)) return value.map((v) => rewrite(v, stateKey, nested));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'Comment' || k === 'Result' || nested.has(k) ? v : rewrite(v, stateKey, nested),
    ]),
  );
}

export interface StateEntry {
  Name: string;
  readonly EnteredTime: string;
  readonly RetryCount: number;
}

/**
 * Point the context paths of every state (nested machines included) at the stand-in's fields;
 * returns one entry per state, keyed as its rewritten paths expect.
 */
export function rewriteContextPaths(
  machine: { States: Record<string, any> },
  entry: (name: string) => StateEntry,
  entries: Record<string, StateEntry> = {},
): Record<string, StateEntry> {
  for (const [name, state] of Object.entries(machine.States)) {
    const key = `s${Object.keys(entries).length}`;
    entries[key] = entry(name);
    const nested = new Set(['Branches', 'Iterator', 'ItemProcessor']);
    machine.States[name] = { ...rewrite(state, key, nested), ...pick(state, nested) };
    for (const branch of state.Branches ?? []) rewriteContextPaths(branch, entry, entries);
    for (const inner of [state.Iterator, state.ItemProcessor]) if (inner) rewriteContextPaths(inner, entry, entries);
  }
  return entries;
}

const pick = (state: Record<string, any>, keys: Set<string>) =>
  Object.fromEntries(Object.entries(state).filter(([k]) => keys.has(k)));

export interface ExecutionFacts {
  executionArn: string;
  name: string;
  input: string;
  startDate: number;
  stateMachineArn: string;
  stateMachineName: string;
}

/** The context object the interpreter is given; `states` come from rewriteContextPaths. */
export function contextObject(e: ExecutionFacts, states: Record<string, StateEntry>) {
  const execution = {
    Id: e.executionArn,
    Input: JSON.parse(e.input),
    Name: e.name,
    RoleArn: `arn:aws:iam::${e.executionArn.split(':')[4]}:role/local-stand-in`,
    StartTime: new Date(e.startDate).toISOString(),
    RedriveCount: 0,
  };
  const aws = {
    Execution: execution,
    StateMachine: { Id: e.stateMachineArn, Name: e.stateMachineName },
    Task: { Token: TOKEN_PLACEHOLDER },
  };
  const whole = Object.fromEntries(Object.entries(states).map(([key, State]) => [key, { ...aws, State }]));
  return { ...aws, [EXECUTION]: execution, [STATES]: states, [WHOLE]: whole };
}

/**
 * Each state's entry: EnteredTime is the local clock when a path reads it (InputPath and Parameters
 * are read as the state is entered); RetryCount counts the failed attempts of a Task since it was
 * entered, as told by `retryCount`.
 */
export function stateEntries(clock: LocalClock, retryCount: (state: string) => number) {
  return (name: string): StateEntry => ({
    Name: name,
    get EnteredTime() {
      return clock.now().toISOString();
    },
    get RetryCount() {
      return retryCount(name);
    },
  });
}

/** The task's parameters with the fresh token wherever the definition put `$$.Task.Token`. */
export function withToken(value: any, token: string): any {
  if (value === TOKEN_PLACEHOLDER) return token;
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]));
}
