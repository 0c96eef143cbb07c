/**
 * The stand-in's HTTP API through the unchanged @aws-sdk/client-sfn, with the shapes of the Step Functions
 * API reference: state machines (create, describe, list, update, delete), executions (start, describe,
 * describe the machine for it, history), and AWS's error shape for what it does not do.
 */
import type { AddressInfo } from 'node:net';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListActivitiesCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSfnServer } from '../../local/sfn-server';
import { FN, standIn } from './support';

const t = standIn({ probe: (p) => ({ doubled: p.n * 2 }) });
let client: SFNClient;
let close: () => void;

beforeAll(async () => {
  const server = await startSfnServer(t.sfn, 0);
  close = () => server.close();
  client = new SFNClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(() => close());

const definition = JSON.stringify({
  StartAt: 'Double',
  States: { Double: { Type: 'Task', Resource: FN, Next: 'Done' }, Done: { Type: 'Succeed' } },
});

describe('the Step Functions API', () => {
  it('creates, describes, lists, updates and deletes a state machine', async () => {
    const roleArn = 'arn:aws:iam::000000000000:role/demo';
    const created = await client.send(new CreateStateMachineCommand({ name: 'demo', definition, roleArn }));
    expect(created.stateMachineArn).toBe('arn:aws:states:eu-west-1:000000000000:stateMachine:demo');
    expect(created.creationDate).toBeInstanceOf(Date);
    const again = await client.send(new CreateStateMachineCommand({ name: 'demo', definition, roleArn }));
    expect(again.stateMachineArn).toBe(created.stateMachineArn);
    const described = await client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    expect(described).toMatchObject({ name: 'demo', status: 'ACTIVE', type: 'STANDARD', definition, roleArn });
    const listed = await client.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toContain('demo');
    const other = definition.replace('"Done"', '"Finished"').replace('"Done":', '"Finished":');
    await expect(
      client.send(new CreateStateMachineCommand({ name: 'demo', definition: other, roleArn })),
    ).rejects.toMatchObject({ name: 'StateMachineAlreadyExists' });
    const updated = await client.send(
      new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: other }),
    );
    expect(updated.updateDate).toBeInstanceOf(Date);
    await client.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    await expect(
      client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });

  it('refuses an invalid definition with InvalidDefinition', async () => {
    const bad = JSON.stringify({ StartAt: 'Nowhere', States: {} });
    await expect(
      client.send(new CreateStateMachineCommand({ name: 'bad', definition: bad, roleArn: 'arn:aws:iam::0:role/x' })),
    ).rejects.toMatchObject({ name: 'InvalidDefinition' });
  });

  it('runs an execution and gives its machine and its history, with AWS event types in order', async () => {
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'history', definition, roleArn: 'arn:aws:iam::000000000000:role/r' }),
    );
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input: '{"n":21}' }));
    await t.settle();
    const done = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"doubled":42}' });
    const forExecution = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(forExecution).toMatchObject({ stateMachineArn, name: 'history', definition });
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events?.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events?.[1].previousEventId).toBe(1);
    expect(events?.[1].stateEnteredEventDetails).toEqual({ name: 'Double', input: '{"n":21}' });
    expect(events?.[5].executionSucceededEventDetails?.output).toBe('{"doubled":42}');
    const reversed = await client.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }),
    );
    expect(reversed.events?.map((e) => e.id)).toEqual([6, 5]);
    expect(reversed.nextToken).toBeDefined();
  });

  it('answers an operation it does not support with AWS error shape, naming what it supports', async () => {
    await expect(client.send(new ListActivitiesCommand({}))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('GetExecutionHistory'),
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
  });
});
