/**
 * Errors as AWS reports them (developer guide, "Handling errors in Step Functions workflows", and the
 * API reference of DescribeExecution / StopExecution):
 * - a Fail state's Error and Cause become the execution's error and cause;
 * - States.NoChoiceMatched when a Choice state has no match and no Default;
 * - States.Runtime (e.g. a path that matches nothing) cannot be caught, not even by States.ALL;
 * - a Lambda function's error type is the error name, its JSON error document the Cause;
 * - an execution past its TimeoutSeconds is TIMED_OUT (States.Timeout); StopExecution makes it ABORTED;
 * - States.DataLimitExceeded (over 256 KiB) is terminal: States.ALL does not catch it.
 */
import { describe, expect, it } from 'vitest';
import { FN, standIn } from './support';

const task = (extra: object = {}) => ({ Type: 'Task', Resource: FN, ...extra });
const caught = { Type: 'Pass', End: true };

describe('error names and causes', () => {
  it("reports a Fail state's Error and Cause", async () => {
    const t = standIn();
    const exec = t.start({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Refused', Cause: 'No quorum' } } });
    expect(await t.done(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'Refused', cause: 'No quorum' });
    const bare = t.start({ StartAt: 'F', States: { F: { Type: 'Fail' } } });
    const done = await t.done(bare.executionArn);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBeUndefined();
    expect(done.cause).toBeUndefined();
  });

  it('reports States.NoChoiceMatched', async () => {
    const t = standIn();
    const choice = { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'One' }] };
    const exec = t.start({ StartAt: 'C', States: { C: choice, One: { Type: 'Succeed' } } }, { n: 2 });
    expect(await t.done(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('reports States.Runtime, which States.ALL does not catch', async () => {
    const t = standIn({ probe: () => 1 });
    const exec = t.start({
      StartAt: 'T',
      States: {
        T: task({
          Parameters: { 'x.$': '$.missing' },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        }),
        Caught: caught,
      },
    });
    expect(await t.done(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(t.calls).toHaveLength(0);
  });

  it("gives the Lambda function's own error type as Error and Lambda's JSON as Cause", async () => {
    class CustomError extends Error {
      name = 'CustomError';
    }
    const fail = () => {
      throw new CustomError('This is a custom error!');
    };
    const t = standIn({ probe: fail });
    const exec = t.start({
      StartAt: 'T',
      States: {
        T: task({ Catch: [{ ErrorEquals: ['CustomError'], ResultPath: '$.error', Next: 'Caught' }], End: true }),
        Caught: caught,
      },
    });
    const done = await t.done(exec.executionArn);
    expect(done.status).toBe('SUCCEEDED');
    const { error } = JSON.parse(done.output!);
    expect(error.Error).toBe('CustomError');
    expect(JSON.parse(error.Cause)).toMatchObject({
      errorType: 'CustomError',
      errorMessage: 'This is a custom error!',
    });
    const uncaught = t.start({
      StartAt: 'I',
      States: {
        I: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: FN }, End: true },
      },
    });
    const failed = await t.done(uncaught.executionArn);
    expect(failed).toMatchObject({ status: 'FAILED', error: 'CustomError' });
    expect(JSON.parse(failed.cause!).errorMessage).toBe('This is a custom error!');
  });
});

describe('execution statuses', () => {
  const waiting = (timeout: number) => ({
    TimeoutSeconds: timeout,
    StartAt: 'W',
    States: {
      W: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: FN, Payload: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    },
  });

  it('times out an execution past its TimeoutSeconds on the local clock: TIMED_OUT, States.Timeout', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(waiting(60));
    await t.advance(59);
    expect(t.sfn.describeExecution(exec.executionArn).status).toBe('RUNNING');
    await t.advance(2);
    expect(t.sfn.describeExecution(exec.executionArn)).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
  });

  it('ends a Standard execution after its one-year maximum', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(waiting(99_999_999));
    await t.advance(365 * 86400 - 1);
    expect(t.sfn.describeExecution(exec.executionArn).status).toBe('RUNNING');
    await t.advance(2);
    expect(t.sfn.describeExecution(exec.executionArn).status).toBe('TIMED_OUT');
  });

  it('aborts a stopped execution with the error and cause given', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(waiting(3600));
    await t.settle();
    t.sfn.stopExecution(exec.executionArn, 'Stopped', 'by the office');
    expect(t.sfn.describeExecution(exec.executionArn)).toMatchObject({
      status: 'ABORTED',
      error: 'Stopped',
      cause: 'by the office',
    });
  });
});

describe('the 256 KiB quota', () => {
  const big = 'x'.repeat(262_144);

  it('refuses an execution input over 256 KiB', () => {
    const t = standIn();
    expect(() => t.start({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { big })).toThrow(
      expect.objectContaining({ code: 'ValidationException' }),
    );
  });

  it('fails with States.DataLimitExceeded when a task returns more, which States.ALL does not catch', async () => {
    const t = standIn({ probe: () => big });
    const exec = t.start({
      StartAt: 'T',
      States: { T: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true }), Caught: caught },
    });
    expect(await t.done(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it("fails when a state's output is over the quota, also when a later state makes it small again", async () => {
    const t = standIn();
    const exec = t.start({
      StartAt: 'Big',
      States: {
        Big: { Type: 'Pass', Result: big, Next: 'Small' },
        Small: { Type: 'Pass', Result: 'ok', End: true },
      },
    });
    expect(await t.done(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});
