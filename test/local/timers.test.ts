/**
 * Timers and the context object on the local (movable) clock, as the developer guide describes them:
 * - a callback task ends with States.Timeout after TimeoutSeconds (or TimeoutSecondsPath, read from the
 *   state input), and with States.HeartbeatTimeout when no SendTaskHeartbeat came for HeartbeatSeconds;
 *   a heartbeat timeout is also a States.Timeout ("Handling errors", error names);
 * - SendTaskHeartbeat answers TaskDoesNotExist, InvalidToken or TaskTimedOut for a token it cannot use
 *   (API reference, SendTaskHeartbeat errors);
 * - a Wait state waits Seconds, SecondsPath, or until Timestamp / TimestampPath;
 * - the context object has Execution (Id, Input, Name, StartTime), State (Name, EnteredTime,
 *   RetryCount) and StateMachine (Id, Name) ("Accessing execution data from the Context object").
 */
import { describe, expect, it } from 'vitest';
import { FN, START, standIn } from './support';

const callback = (timing: object, extra: object = {}) => ({
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: FN, Payload: { 'callbackToken.$': '$$.Task.Token' } },
      ...timing,
      ...extra,
      End: true,
    },
    ...('Catch' in extra ? { TimedOut: { Type: 'Pass', End: true } } : {}),
  },
});
const catchTimeout = { Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' }] };

describe('callback tasks on the local clock', () => {
  it('needs nothing but the token: SendTaskSuccess resumes the task with its output', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(callback({}));
    await t.settle();
    t.sfn.sendTaskSuccess(t.calls[0].payload.callbackToken, JSON.stringify({ approved: true }));
    expect(await t.done(exec.executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":true}' });
  });

  it('times out after TimeoutSecondsPath, read from the state input', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(callback({ TimeoutSecondsPath: '$.wait' }), { wait: 86_400 * 60 });
    // A minute either side, as for the Wait states below.
    await t.advance(86_400 * 60 - 60);
    expect(t.sfn.describeExecution(exec.executionArn).status).toBe('RUNNING');
    await t.advance(120);
    expect(t.sfn.describeExecution(exec.executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('fails with States.HeartbeatTimeout without heartbeats, which a States.Timeout catcher takes', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(callback({ TimeoutSeconds: 3600, HeartbeatSeconds: 60 }, catchTimeout));
    await t.advance(61);
    const done = await t.done(exec.executionArn);
    expect(JSON.parse(done.output!).error).toMatchObject({ Error: 'States.HeartbeatTimeout' });
  });

  it('keeps a task alive with heartbeats until its TimeoutSeconds', async () => {
    const t = standIn({ probe: () => null });
    const exec = t.start(callback({ TimeoutSeconds: 230, HeartbeatSeconds: 60 }, catchTimeout));
    await t.settle();
    const token = t.calls[0].payload.callbackToken;
    for (let i = 0; i < 4; i++) {
      await t.advance(50);
      t.sfn.sendTaskHeartbeat(token);
    }
    expect(t.sfn.describeExecution(exec.executionArn).status).toBe('RUNNING');
    await t.advance(31);
    expect(JSON.parse((await t.done(exec.executionArn)).output!).error).toMatchObject({ Error: 'States.Timeout' });
    expect(() => t.sfn.sendTaskHeartbeat(token)).toThrow(expect.objectContaining({ code: 'TaskTimedOut' }));
  });

  it('answers SendTaskHeartbeat with a bad token as AWS does', () => {
    const t = standIn();
    expect(() => t.sfn.sendTaskHeartbeat('not a token!')).toThrow(expect.objectContaining({ code: 'InvalidToken' }));
    expect(() => t.sfn.sendTaskHeartbeat('A'.repeat(64))).toThrow(
      expect.objectContaining({ code: 'TaskDoesNotExist' }),
    );
  });
});

describe('Wait states on the local clock', () => {
  const waitThen = (wait: object) => ({
    StartAt: 'W',
    States: { W: { Type: 'Wait', ...wait, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
  });

  it.each([
    ['Seconds', { Seconds: 86_400 * 60 }, {}],
    ['SecondsPath', { SecondsPath: '$.s' }, { s: 86_400 * 60 }],
    ['Timestamp', { Timestamp: new Date(START.getTime() + 86_400_000 * 60).toISOString() }, {}],
    ['TimestampPath', { TimestampPath: '$.at' }, { at: new Date(START.getTime() + 86_400_000 * 60).toISOString() }],
  ])('waits 60 days with %s, and passes its input on', async (_name, wait, input) => {
    const t = standIn();
    const exec = t.start(waitThen(wait), input);
    // A minute either side: the local clock also moves with real time while the test runs (a loaded
    // machine may take seconds between creating the clock and the first move).
    await t.advance(86_400 * 60 - 60);
    expect(t.sfn.describeExecution(exec.executionArn).status).toBe('RUNNING');
    await t.advance(120);
    expect(await t.done(exec.executionArn)).toMatchObject({ status: 'SUCCEEDED', output: JSON.stringify(input) });
  });
});

describe('the context object', () => {
  it('follows the local clock and names the execution, the state machine and the state', async () => {
    const fail = { n: 0 };
    const t = standIn({
      probe: (p) => {
        if (fail.n++ === 0) throw Object.assign(new Error('once'), { name: 'Busy' });
        return p;
      },
    });
    const exec = t.start(
      {
        StartAt: 'Look',
        States: {
          Look: {
            Type: 'Task',
            Resource: FN,
            Parameters: {
              'start.$': '$$.Execution.StartTime',
              'input.$': '$$.Execution.Input',
              'id.$': '$$.Execution.Id',
              'machine.$': '$$.StateMachine.Name',
              'machineId.$': '$$.StateMachine.Id',
              'state.$': '$$.State.Name',
              'entered.$': '$$.State.EnteredTime',
              'retry.$': '$$.State.RetryCount',
            },
            Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 1 }],
            End: true,
          },
        },
      },
      { a: 1 },
    );
    const out = JSON.parse((await t.done(exec.executionArn)).output!);
    expect(out).toMatchObject({
      start: new Date(exec.startDate).toISOString(),
      input: { a: 1 },
      id: exec.executionArn,
      state: 'Look',
    });
    expect(out.machineId).toBe(exec.stateMachineArn);
    expect(out.machine).toBe(exec.stateMachineArn.split(':').pop());
    expect(Math.abs(Date.parse(out.entered) - START.getTime())).toBeLessThan(60_000);
    expect(t.calls.map((c) => c.payload.retry)).toEqual([0, 1]);
  });
});
