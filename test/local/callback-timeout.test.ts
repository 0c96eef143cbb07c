/**
 * A callback task that ends on its timer. AWS (developer guide, "Handling errors in Step Functions
 * workflows"): States.Timeout is reported when a Task ran longer than its TimeoutSeconds, and
 * States.TaskFailed matches any known error *except* States.Timeout. So a retrier on
 * States.TaskFailed does not run the task again; the States.Timeout catcher takes it at once.
 */
import { describe, expect, it } from 'vitest';
import { FN, standIn } from './support';

const machine = {
  StartAt: 'Wait for answer',
  States: {
    'Wait for answer': {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: FN, Payload: { 'token.$': '$$.Task.Token' } },
      TimeoutSeconds: 3600,
      Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 6 }],
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'Timed out' }],
      End: true,
    },
    'Timed out': { Type: 'Pass', End: true },
  },
};

describe('a callback task ending on its timer', () => {
  it('fails with States.Timeout, which the States.TaskFailed retrier does not retry', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(machine);
    await t.settle();
    expect(t.calls).toHaveLength(1);
    await t.advance(3601);
    const done = await t.done(exec.executionArn);
    expect(t.calls).toHaveLength(1);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!).timedOut).toMatchObject({ Error: 'States.Timeout' });
  });

  it('is retried by the States.TaskFailed retrier when it fails with an error of its own', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(machine);
    await t.settle();
    const token = t.calls[0].payload.token;
    t.sfn.sendTaskFailure(token, 'Busy', 'try again');
    await t.settle();
    expect(t.calls).toHaveLength(2);
    expect(t.sfn.describeExecution(exec.executionArn).status).toBe('RUNNING');
  });
});
