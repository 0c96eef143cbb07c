/**
 * Retries are for what may pass (a throttled call, SES or DynamoDB away for a moment, a lost
 * invocation), not for what fails the same way every time (bad input, a missing document, a bug).
 * AWS runs the first retrier whose ErrorEquals matches; `States.TaskFailed` matches every error but
 * `States.Timeout`, `States.ALL` every error (alone, and last); `MaxAttempts: 0` means "never retry"
 * (Step Functions developer guide, "Handling errors in Step Functions workflows"). So each Task lists
 * the deterministic errors first with zero attempts, and the transient ones after them.
 * Checked on the definitions as deployed (the wiring's substitutions filled in: some are numbers, so
 * the file alone is not JSON), and run through the same interpreter local mode uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import { type FunctionName, functions, type WorkflowName, workflows } from '../../infra/wiring';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'workflows');
const DETERMINISTIC = ['ValidationError', 'NotFoundError', 'TypeError'];
const ALL_DETERMINISTIC = [...DETERMINISTIC, 'UnauthorizedError', 'ReferenceError', 'SyntaxError', 'RangeError'];
const LAMBDA_SERVICE = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
];
// What the SDK throws when a service the step calls cannot be reached, as the Lambda reports it.
const NETWORK = ['TimeoutError', 'NetworkingError', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'];
const files = readdirSync(DIR).filter((f) => f.endsWith('.asl.json'));
const names = Object.keys(workflows) as WorkflowName[];
const arnOf = (fn: string) => `arn:aws:lambda:eu-west-1:000000000000:function:${fn}`;

type Retrier = {
  ErrorEquals: string[];
  MaxAttempts?: number;
  IntervalSeconds?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: string;
};
type Catcher = { ErrorEquals: string[]; Next: string };
type State = Record<string, any> & { Type: string; Retry?: Retrier[]; Catch?: Catcher[] };

/** A workflow's definition as deployed; `fill` replaces some substitutions (a shorter timeout). */
function definition(name: WorkflowName, fill: Record<string, string> = {}): { States: Record<string, State> } {
  let text = readFileSync(join(ROOT, workflows[name].file), 'utf8');
  for (const [key, sub] of Object.entries(workflows[name].substitutions))
    text = text.replaceAll(`\${${key}}`, fill[key] ?? ('functionArn' in sub ? arnOf(sub.functionArn) : sub.text));
  return JSON.parse(text);
}
const load = (file: string) => definition(names.find((n) => workflows[n].file === `workflows/${file}`)!);
const tasksOf = (name: WorkflowName) => Object.entries(definition(name).States).filter(([, s]) => s.Type === 'Task');
const isCallback = (s: State) => String(s.Resource).endsWith('.waitForTaskToken');

/** The retrier AWS runs for an error, and how often it retries it (0: straight to the Catch). */
const retrierFor = (retry: Retrier[], error: string) =>
  retry.find(
    (r) =>
      r.ErrorEquals.includes(error) ||
      r.ErrorEquals.includes('States.ALL') ||
      (r.ErrorEquals.includes('States.TaskFailed') && error !== 'States.Timeout'),
  );
const retriesOf = (retry: Retrier[], error: string) => {
  const r = retrierFor(retry, error);
  return r ? (r.MaxAttempts ?? 3) : 0;
};
/** The longest the retries of an error may wait in all: full jitter waits up to each capped interval. */
function longestWait(r: Retrier): number {
  let total = 0;
  for (let n = 0; n < (r.MaxAttempts ?? 3); n++)
    total += Math.min(r.MaxDelaySeconds ?? Infinity, (r.IntervalSeconds ?? 1) * (r.BackoffRate ?? 2) ** n);
  return total;
}

describe('workflow retries', () => {
  it('covers every ASL file through the wiring', () => {
    expect(files.map((f) => `workflows/${f}`).sort()).toEqual([...new Set(names.map((n) => workflows[n].file))].sort());
  });

  it.each(files)('%s: deterministic errors are never retried, transient ones are', (file) => {
    const tasks = Object.entries(load(file).States).filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(0);
    for (const [name, state] of tasks) {
      const retry = state.Retry ?? [];
      expect(retry.length, name).toBeGreaterThan(1);
      const first = retry.findIndex((r) => DETERMINISTIC.some((e) => r.ErrorEquals.includes(e)));
      expect(first, `${name}: the deterministic retrier comes first`).toBe(0);
      expect(retry[0].MaxAttempts, name).toBe(0);
      for (const e of DETERMINISTIC) expect(retry[0].ErrorEquals, name).toContain(e);
      const transient = retry.slice(1).filter((r) => (r.MaxAttempts ?? 3) > 0);
      expect(
        transient.some((r) => r.ErrorEquals.some((e) => ['States.TaskFailed', 'States.ALL'].includes(e))),
        name,
      ).toBe(true);
    }
  });

  it.each(names)('%s: Lambda service errors, throttling and network errors are retried with backoff', (wf) => {
    for (const [name, state] of tasksOf(wf)) {
      expect(state.Resource, name).toMatch(/^arn:aws:states:::lambda:invoke/);
      const retry = state.Retry ?? [];
      for (const e of ALL_DETERMINISTIC) expect(retriesOf(retry, e), `${name}: ${e}`).toBe(0);
      for (const e of [...LAMBDA_SERVICE, 'BusyError']) expect(retriesOf(retry, e), `${name}: ${e}`).toBeGreaterThan(2);
      for (const e of NETWORK) expect(retriesOf(retry, e), `${name}: ${e}`).toBeGreaterThan(4);
      // A network error rides out an outage of a few minutes before the office is told.
      expect(longestWait(retrierFor(retry, 'ECONNREFUSED')!), name).toBeGreaterThanOrEqual(300);
      for (const r of retry.filter((x) => (x.MaxAttempts ?? 3) > 0)) {
        expect(r.JitterStrategy, `${name}: ${r.ErrorEquals}`).toBe('FULL');
        expect(r.BackoffRate, `${name}: ${r.ErrorEquals}`).toBeGreaterThan(1);
        expect(r.MaxDelaySeconds, `${name}: ${r.ErrorEquals}`).toBeGreaterThanOrEqual(r.IntervalSeconds ?? 1);
      }
      for (const list of [retry, state.Catch ?? []]) {
        const at = list.findIndex((r) => r.ErrorEquals.includes('States.ALL'));
        if (at >= 0)
          expect([at, list[at].ErrorEquals], `${name}: States.ALL alone and last`).toEqual([
            list.length - 1,
            ['States.ALL'],
          ]);
      }
    }
  });

  it.each(names)('%s: a Lambda step that hangs times out just after its function, and is retried', (wf) => {
    const steps = tasksOf(wf).filter(([, s]) => !isCallback(s));
    expect(steps.length).toBeGreaterThan(0);
    for (const [name, state] of steps) {
      const fn = (Object.keys(functions) as FunctionName[]).find((f) => arnOf(f) === state.Parameters.FunctionName)!;
      expect(fn, name).toBeDefined();
      expect(state.TimeoutSeconds, name).toBeGreaterThan(functions[fn].timeoutSeconds);
      expect(state.TimeoutSeconds, name).toBeLessThanOrEqual(functions[fn].timeoutSeconds + 30);
      expect(retriesOf(state.Retry ?? [], 'States.Timeout'), name).toBeGreaterThan(1);
      expect(retriesOf(state.Retry ?? [], 'States.Timeout'), name).toBeLessThan(6);
    }
  });

  it.each(names)("%s: a callback wait's timeout is its wake-up, never retried", (wf) => {
    const waits = tasksOf(wf).filter(([, s]) => isCallback(s));
    expect(waits.length).toBeGreaterThan(0);
    for (const [name, state] of waits) {
      expect(state.TimeoutSecondsPath, name).toBeDefined();
      expect(state.TimeoutSeconds, name).toBeUndefined();
      expect(retriesOf(state.Retry ?? [], 'States.Timeout'), name).toBe(0);
      const wake = (state.Catch ?? []).find((c) => c.ErrorEquals.includes('States.Timeout'));
      expect(wake?.ErrorEquals, name).toEqual(['States.Timeout']);
      // Through the loop's round counter (a Pass state) where there is one, to the step that plans again.
      const { States } = definition(wf);
      const next = (n: string): string => (States[n].Type === 'Pass' ? next(States[n].Next!) : n);
      expect(States[next(wake!.Next)].Type, name).toBe('Task');
    }
  });

  it.each(names)('%s: after its retries every step takes the one failure path, which tells once', (wf) => {
    const { States } = definition(wf);
    const catchAll = (s: State) => (s.Catch ?? []).at(-1);
    for (const [name, state] of tasksOf(wf)) expect(catchAll(state)?.ErrorEquals, name).toEqual(['States.ALL']);
    const targets = [...new Set(tasksOf(wf).map(([, s]) => catchAll(s)!.Next))];
    // One Fail state (its alarm tells the office), reached directly or through one step that tells.
    const [end, ...otherEnds] = targets.filter((t) => States[t].Type === 'Fail');
    expect(otherEnds).toEqual([]);
    const reporters = targets.filter((t) => States[t].Type !== 'Fail');
    expect(reporters.length).toBeLessThan(2);
    for (const r of reporters) expect([States[r].Next, catchAll(States[r])!.Next], r).toEqual([end, end]);
  });

  type Handler = (input: unknown) => Promise<unknown>;
  async function run(handlers: Record<string, Handler>, fill: Record<string, string> = {}) {
    // The shared timer loop as the follow-up flow fills it in.
    const definitionBody = definition('followUp', fill) as any;
    // As the local stand-in does: a callback wait ends by the handler's own States.Timeout.
    delete definitionBody.States.WaitForAnswerOrTimer.TimeoutSecondsPath;
    definitionBody.States.WaitForAnswerOrTimer.TimeoutSeconds = 60;
    const sm = new StateMachine(definitionBody, { validationOptions: { noValidate: true } });
    const execution = sm.run(
      { itemId: 'a-1' },
      {
        context: { Task: { Token: 'token' } } as any,
        overrides: {
          taskResourceLocalHandlers: handlers as any,
          retryIntervalOverrides: { Advance: 0, WaitForAnswerOrTimer: 0 },
        },
      },
    );
    return execution.result.then(
      () => 'none',
      // A Fail state ends the run with an ExecutionError whose cause carries the Fail state's error.
      (e: Error) => (e.cause instanceof Error ? e.cause.name : e.name),
    );
  }

  async function attempts(errorName: string): Promise<{ calls: number; error: string }> {
    let calls = 0;
    const fail = async () => {
      calls++;
      throw Object.assign(new Error('step failed'), { name: errorName });
    };
    // The follow-up loop: its first Task fails; the Catch leads to the Fail state.
    const error = await run({ Advance: fail });
    return { calls, error };
  }

  it('runs a deterministic failure once, straight to the Catch', async () => {
    const { calls } = await attempts('ValidationError');
    expect(calls).toBe(1);
  });

  it('runs a transient failure again, up to the declared attempts', async () => {
    const { calls } = await attempts('BusyError');
    expect(calls).toBe(7);
  });

  it('runs a step again on a Lambda service error and on a network error', async () => {
    expect(await attempts('Lambda.ServiceException')).toEqual({ calls: 7, error: 'FollowUpFailed' });
    expect(await attempts('ECONNREFUSED')).toEqual({ calls: 9, error: 'FollowUpFailed' });
  });

  it('runs a step that hangs again after its timeout, then tells', async () => {
    let calls = 0;
    const hang = () => {
      calls++;
      return new Promise<never>(() => undefined);
    };
    // The deployed timeout is minutes; 50 ms here, the rule is the same.
    const error = await run({ Advance: hang }, { StepsTimeoutSeconds: '0.05' });
    expect({ calls, error }).toEqual({ calls: 4, error: 'FollowUpFailed' });
  });

  it('wakes a callback wait once at its timer and plans again, without retrying the wait', async () => {
    let plans = 0;
    let waits = 0;
    const plan = async () => ({
      Payload: { closed: ++plans > 2, wakeAt: 'x', waitSeconds: 60, version: plans, continueAsNew: false },
    });
    const wake = async () => {
      waits++;
      throw Object.assign(new Error('Task timed out'), { name: 'States.Timeout' });
    };
    expect(await run({ Advance: plan, WaitForAnswerOrTimer: wake })).toBe('none');
    expect({ plans, waits }).toEqual({ plans: 3, waits: 2 });
  });
});
