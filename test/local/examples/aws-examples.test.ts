/**
 * AWS's own public example state machines, rebuilt from the Step Functions developer guide and its
 * sample projects, run unchanged through the stand-in's API, with the results AWS documents:
 * - "Hello World" (Pass, Choice, Wait, Parallel): true goes Yes → Wait 3 s → Parallel → succeeds;
 *   false goes to the Fail state "Not Hello World";
 * - the Map state example (shipments validated one by one, `$$.Map.Item.Value` as each parcel);
 * - error handling (tutorial "Handling error conditions"): a Lambda's CustomError is caught by the
 *   catcher for CustomError, before States.TaskFailed and States.ALL;
 * - retrying (the Retry example with CustomError, States.TaskFailed, States.ALL): the first matching
 *   retrier's attempts are made, then the error is caught;
 * - the human-in-the-loop approval (callback with `.waitForTaskToken`, SendTaskSuccess, Choice).
 * The Lambda functions of the examples are small local functions.
 */
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { examples, fn } from './client';

const approvals: any[] = [];
const x = await examples({
  ship_val: (p) => ({ ...p.parcel, courier: p.courier, valid: p.parcel.quantity > 0 }),
  custom_error: () => {
    throw Object.assign(new Error('This is a custom error!'), { name: 'CustomError' });
  },
  send_approval: (p) => {
    approvals.push(p);
    return null;
  },
});
afterAll(() => x.close());

const helloWorld = {
  Comment: 'A Hello World example demonstrating various state types of the Amazon States Language',
  StartAt: 'Pass',
  States: {
    Pass: { Comment: 'A Pass state passes its input to its output', Type: 'Pass', Next: 'Hello World example?' },
    'Hello World example?': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.IsHelloWorldExample', BooleanEquals: true, Next: 'Yes' },
        { Variable: '$.IsHelloWorldExample', BooleanEquals: false, Next: 'No' },
      ],
      Default: 'Yes',
    },
    Yes: { Type: 'Pass', Next: 'Wait 3 sec' },
    No: { Type: 'Fail', Cause: 'Not Hello World' },
    'Wait 3 sec': { Type: 'Wait', Seconds: 3, Next: 'Parallel State' },
    'Parallel State': {
      Type: 'Parallel',
      Next: 'Hello World',
      Branches: [
        { StartAt: 'Hello', States: { Hello: { Type: 'Pass', End: true } } },
        { StartAt: 'World', States: { World: { Type: 'Pass', End: true } } },
      ],
    },
    'Hello World': { Type: 'Pass', End: true },
  },
};

describe("AWS's example state machines, unchanged", () => {
  it('Hello World: waits 3 s on the clock, runs both branches, succeeds; false ends in the Fail state', async () => {
    const yes = await x.run(helloWorld, { IsHelloWorldExample: true });
    expect((await x.describe(yes)).status).toBe('RUNNING');
    await x.t.advance(3);
    const done = await x.describe(yes);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual([{ IsHelloWorldExample: true }, { IsHelloWorldExample: true }]);
    const types = (await x.history(yes)).map((e) => e.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    expect(types).toEqual(expect.arrayContaining(['ChoiceStateEntered', 'WaitStateEntered', 'ParallelStateEntered']));
    expect(types.indexOf('WaitStateExited')).toBeLessThan(types.indexOf('ParallelStateEntered'));

    const no = await x.describe(await x.run(helloWorld, { IsHelloWorldExample: false }));
    expect(no).toMatchObject({ status: 'FAILED', cause: 'Not Hello World' });
  });

  it('Map: validates each shipped item with its courier and puts the results in place', async () => {
    const shipped = [
      { prod: 'R31', 'dest-code': 9511, quantity: 1344 },
      { prod: 'S39', 'dest-code': 9511, quantity: 40 },
      { prod: 'R31', 'dest-code': 9833, quantity: 12 },
    ];
    const machine = {
      StartAt: 'Validate-All',
      States: {
        'Validate-All': {
          Type: 'Map',
          InputPath: '$.detail',
          ItemsPath: '$.shipped',
          MaxConcurrency: 0,
          Parameters: { 'parcel.$': '$$.Map.Item.Value', 'courier.$': '$.delivery-partner' },
          Iterator: {
            StartAt: 'Validate',
            States: { Validate: { Type: 'Task', Resource: fn('ship_val'), End: true } },
          },
          ResultPath: '$.detail.shipped',
          End: true,
        },
      },
    };
    const input = { 'ship-date': '2016-03-14T01:59:00Z', detail: { 'delivery-partner': 'UQS', shipped } };
    const done = await x.describe(await x.run(machine, input));
    expect(done.status).toBe('SUCCEEDED');
    const out = JSON.parse(done.output!);
    expect(out['ship-date']).toBe('2016-03-14T01:59:00Z');
    expect(out.detail.shipped).toEqual(shipped.map((s) => ({ ...s, courier: 'UQS', valid: true })));
  });

  it("Catch: the Lambda's CustomError goes to the CustomError fallback, not the wider catchers", async () => {
    const fallback = (text: string, Next?: string) => ({
      Type: 'Pass',
      Result: text,
      ...(Next ? { Next } : { End: true }),
    });
    const machine = {
      Comment: 'A Catch example of the Amazon States Language using an AWS Lambda function',
      StartAt: 'CreateAccount',
      States: {
        CreateAccount: {
          Type: 'Task',
          Resource: fn('custom_error'),
          Catch: [
            { ErrorEquals: ['CustomError'], Next: 'CustomErrorFallback' },
            { ErrorEquals: ['States.TaskFailed'], Next: 'ReservedTypeFallback' },
            { ErrorEquals: ['States.ALL'], Next: 'CatchAllFallback' },
          ],
          End: true,
        },
        CustomErrorFallback: fallback('This is a fallback from a custom Lambda function exception'),
        ReservedTypeFallback: fallback('This is a fallback from a reserved error code'),
        CatchAllFallback: fallback('This is a fallback from any error code'),
      },
    };
    const done = await x.describe(await x.run(machine, {}));
    expect(done).toMatchObject({ status: 'SUCCEEDED' });
    expect(JSON.parse(done.output!)).toBe('This is a fallback from a custom Lambda function exception');
  });

  it('Retry: the first matching retrier (CustomError, 2 attempts, 1 s × 2) is used, then the catcher', async () => {
    const before = x.t.calls.length;
    const machine = {
      StartAt: 'HelloWorld',
      States: {
        HelloWorld: {
          Type: 'Task',
          Resource: fn('custom_error'),
          Retry: [
            { ErrorEquals: ['CustomError'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2.0 },
            { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 30, MaxAttempts: 2, BackoffRate: 2.0 },
            { ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 5, BackoffRate: 2.0 },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const done = await x.describe(await x.run(machine, {}));
    expect(done.status).toBe('SUCCEEDED');
    expect(x.t.calls.length - before).toBe(3);
    const { Error, Cause } = JSON.parse(done.output!);
    expect(Error).toBe('CustomError');
    expect(JSON.parse(Cause)).toMatchObject({ errorType: 'CustomError', errorMessage: 'This is a custom error!' });
  });

  it('human-in-the-loop approval: waits for the token, SendTaskSuccess resumes it, the Choice approves', async () => {
    const approved = 'Approved! Task approved by approver@example.com';
    const machine = {
      StartAt: 'Lambda Callback',
      States: {
        'Lambda Callback': {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: fn('send_approval'),
            Payload: { 'ExecutionContext.$': '$$', APIGatewayEndpoint: 'https://example.com/approve' },
          },
          Next: 'ManualApprovalChoiceState',
        },
        ManualApprovalChoiceState: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.Status', StringEquals: approved, Next: 'ApprovedPassState' },
            { Variable: '$.Status', StringEquals: 'Rejected! Task rejected.', Next: 'RejectedPassState' },
          ],
        },
        ApprovedPassState: { Type: 'Pass', End: true },
        RejectedPassState: { Type: 'Pass', End: true },
      },
    };
    const arn = await x.run(machine, { Comment: 'approve me' });
    expect((await x.describe(arn)).status).toBe('RUNNING');
    const context = approvals.at(-1).ExecutionContext;
    expect(context.Execution).toMatchObject({ Id: arn, Input: { Comment: 'approve me' } });
    expect(context.State.Name).toBe('Lambda Callback');
    await x.client.send(
      new SendTaskSuccessCommand({ taskToken: context.Task.Token, output: JSON.stringify({ Status: approved }) }),
    );
    const done = await x.describe(arn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ Status: approved });
    const types = (await x.history(arn)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['TaskStateEntered', 'ChoiceStateEntered', 'PassStateEntered']));
  });
});
