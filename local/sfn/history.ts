/**
 * GetExecutionHistory: each execution's events with AWS's event types, ids in order and the details
 * AWS gives (state input and output, errors). Each event is also handed to the journal, so after a
 * restart the history goes on with the next id; the state an execution continues from is not entered
 * a second time (the stand-in skips that re-entry, see stepfunctions.ts). Task scheduling events (TaskScheduled, TaskStarted,
 * TaskSubmitted, TaskSucceeded) are not recorded: the interpreter does not report them.
 */
import type { StateMachine } from 'aws-local-stepfunctions';
import type { ExecutionRecord } from './journal';

export type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

/** Each state's type as written (the stand-in runs Wait states as Tasks), and each Task's resource. */
export function stateTypes(machine: { States: Record<string, any> }, into = new Map<string, any>()) {
  for (const [name, state] of Object.entries(machine.States)) {
    into.set(name, state);
    for (const branch of state.Branches ?? []) stateTypes(branch, into);
    for (const inner of [state.Iterator, state.ItemProcessor]) if (inner) stateTypes(inner, into);
  }
  return into;
}

const json = (value: unknown) => JSON.stringify(value ?? null);

function taskResource(resource: string) {
  const integration = /^arn:aws:states:::([^:]+):(.+)$/.exec(resource);
  return integration
    ? { resourceType: integration[1], resource: integration[2] }
    : { resourceType: 'lambda', resource };
}

export class Histories {
  private all = new Map<string, HistoryEvent[]>();

  constructor(
    private readonly now: () => number,
    /** Every event as it is added (the journal writes it). */
    private readonly added: (executionArn: string, event: HistoryEvent) => void = () => {},
  ) {}

  /** The events of an execution read back from the journal. */
  restore(executionArn: string, events: HistoryEvent[]): void {
    this.all.set(executionArn, events);
  }

  drop(executionArn: string): void {
    this.all.delete(executionArn);
  }

  get(executionArn: string): HistoryEvent[] {
    return this.all.get(executionArn) ?? [];
  }

  add(executionArn: string, type: string, details: Record<string, unknown> = {}): void {
    const events = this.all.get(executionArn) ?? [];
    this.all.set(executionArn, events);
    const event = { timestamp: this.now(), type, id: events.length + 1, previousEventId: events.length, ...details };
    events.push(event);
    this.added(executionArn, event);
  }

  /** One event of the interpreter, named as AWS names it. */
  record(executionArn: string, ev: EventLog, states: Map<string, any>, roleArn: string): void {
    const add = (type: string, details: Record<string, unknown>) => this.add(executionArn, type, details);
    // A run after a restart starts the interpreter again: the execution started only once.
    if (ev.type === 'ExecutionStarted' && !this.all.has(executionArn))
      add('ExecutionStarted', { executionStartedEventDetails: { input: json(ev.input), roleArn } });
    if (ev.type !== 'StateEntered' && ev.type !== 'StateExited' && ev.type !== 'StateFailed') return;
    const state = states.get(ev.state.name) ?? { Type: ev.state.type };
    if (ev.type === 'StateEntered')
      add(`${state.Type}StateEntered`, {
        stateEnteredEventDetails: { name: ev.state.name, input: json(ev.state.input) },
      });
    if (ev.type === 'StateExited')
      add(`${state.Type}StateExited`, {
        stateExitedEventDetails: { name: ev.state.name, output: json(ev.state.output) },
      });
    if (ev.type === 'StateFailed' && state.Type === 'Task') {
      const timedOut = /^States\.(Heartbeat)?Timeout$/.test(ev.Error);
      const details = { ...taskResource(String(state.Resource)), error: ev.Error, cause: String(ev.Cause ?? '') };
      add(timedOut ? 'TaskTimedOut' : 'TaskFailed', {
        [timedOut ? 'taskTimedOutEventDetails' : 'taskFailedEventDetails']: details,
      });
    }
  }

  /** How the execution ended. */
  outcome(rec: ExecutionRecord): void {
    const kind = { SUCCEEDED: 'Succeeded', FAILED: 'Failed', ABORTED: 'Aborted', TIMED_OUT: 'TimedOut' } as const;
    if (rec.status === 'RUNNING') return;
    const name = kind[rec.status];
    const details = rec.status === 'SUCCEEDED' ? { output: rec.output } : { error: rec.error, cause: rec.cause };
    this.add(rec.executionArn, `Execution${name}`, { [`execution${name}EventDetails`]: details });
  }
}
