/**
 * Retries are for what may pass (a throttled call, SES or DynamoDB away for a moment), not for what
 * fails the same way every time (bad input, a missing document, a bug). AWS runs the first retrier
 * whose ErrorEquals matches, and `MaxAttempts: 0` means "never retry" (Step Functions developer
 * guide, "Handling errors in Step Functions workflows"), so each Task lists the deterministic errors
 * first with zero attempts. Checked on the shipped definitions, and run through the same interpreter
 * local mode uses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', 'workflows');
const DETERMINISTIC = ['ValidationError', 'NotFoundError', 'TypeError'];
const files = readdirSync(DIR).filter((f) => f.endsWith('.asl.json'));
const load = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

type Retrier = { ErrorEquals: string[]; MaxAttempts?: number };

describe('workflow retries', () => {
  it.each(files)('%s: deterministic errors are never retried, transient ones are', (file) => {
    const tasks = Object.entries<{ Type: string; Retry?: Retrier[] }>(load(file).States).filter(
      ([, s]) => s.Type === 'Task',
    );
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

  async function attempts(errorName: string): Promise<{ calls: number; error: string }> {
    // The shared timer loop as the follow-up flow fills it in.
    const text = readFileSync(join(DIR, 'timer-loop.asl.json'), 'utf8')
      .replaceAll('${IdField}', 'itemId')
      .replaceAll('${StepsFunctionArn}', 'arn:aws:lambda:eu-west-1:000000000000:function:steps');
    const definition = JSON.parse(text);
    let calls = 0;
    const fail = async () => {
      calls++;
      throw Object.assign(new Error('step failed'), { name: errorName });
    };
    const sm = new StateMachine(definition, { validationOptions: { noValidate: true } });
    // The follow-up loop: its first Task fails; the Catch leads to the Fail state.
    const run = sm.run(
      { itemId: 'a-1' },
      {
        overrides: {
          taskResourceLocalHandlers: { Advance: fail },
          retryIntervalOverrides: { Advance: 0 },
        },
      },
    );
    const error = await run.result.then(
      () => 'none',
      (e: Error) => e.name,
    );
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
});
