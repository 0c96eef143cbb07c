/** The workflow's task steps and the watchdog, against mocked AWS clients. */
import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRound } from '../../../functions/flows/approval-round/round';
import { lambdaContext, setHandlerEnv } from '../../support/handler-env';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
let steps: (e: unknown, c: unknown) => Promise<any>;
let watchdog: (e: unknown, c: unknown) => Promise<any>;

const round = createRound(
  {
    id: 'r1',
    title: 't',
    summary: 's',
    documents: [],
    approverIds: ['p1'],
    rule: { type: 'majority' },
    deadline: '2020-01-01T00:00:00Z',
    reminders: [],
    createdBy: 'o',
  },
  new Date('2019-12-01T00:00:00Z'),
);

beforeAll(async () => {
  setHandlerEnv();
  steps = (await import('../../../functions/flows/approval-round/steps.handler')).handler as unknown as typeof steps;
  watchdog = (await import('../../../functions/flows/approval-round/watchdog.handler'))
    .handler as unknown as typeof watchdog;
});
beforeEach(() => {
  db.reset();
  sfn.reset();
});

describe('park step', () => {
  it('stores the task token only if the round is open and unchanged since the plan', async () => {
    db.on(UpdateCommand).resolves({});
    await steps(
      { step: 'park', roundId: 'r1', taskToken: 'tok', version: 4, wakeAt: '2030-01-01T00:00:00Z' },
      lambdaContext,
    );
    expect(db.commandCalls(UpdateCommand)[0].args[0].input).toMatchObject({
      ConditionExpression: 'version = :v AND #status IN (:s0)',
      ExpressionAttributeValues: { ':t': 'tok', ':v': 4, ':s0': 'open' },
    });
    expect(sfn.calls()).toHaveLength(0);
  });

  it('resumes its own token at once when the round changed after the plan (nothing is missed)', async () => {
    db.on(UpdateCommand).rejects(Object.assign(new Error('cond'), { name: 'ConditionalCheckFailedException' }));
    sfn.on(SendTaskSuccessCommand).resolves({});
    await steps(
      { step: 'park', roundId: 'r1', taskToken: 'tok', version: 4, wakeAt: '2030-01-01T00:00:00Z' },
      lambdaContext,
    );
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0].args[0].input.taskToken).toBe('tok');
  });

  it('refuses an event of the wrong shape', async () => {
    await expect(steps({ step: 'park', roundId: 'r1' }, lambdaContext)).rejects.toThrow(/taskToken/);
    await expect(steps({ step: 'dance', roundId: 'r1' }, lambdaContext)).rejects.toThrow();
  });
});

describe('advance step', () => {
  it('closes a round whose deadline passed with one conditional write, and says it is closed', async () => {
    db.on(GetCommand).resolves({ Item: { doc: round } });
    db.on(UpdateCommand).resolves({});
    db.on(QueryCommand).resolves({ Items: [] });
    const plan = await steps({ step: 'advance', roundId: 'r1' }, lambdaContext);
    expect(plan).toMatchObject({ closed: true, version: 2 });
    const update = db.commandCalls(UpdateCommand)[0].args[0].input;
    expect(update).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 1, ':status': 'closed' },
    });
  });
});

describe('watchdog', () => {
  it(
    'wakes the workflow of an open round well past its deadline, ' + 'taking its token in a conditional write',
    async () => {
      db.on(QueryCommand).resolves({ Items: [{ doc: round }] });
      db.on(UpdateCommand).resolves({ Attributes: { taskToken: 'stuck' } });
      sfn.on(SendTaskSuccessCommand).resolves({});
      const result = await watchdog({}, lambdaContext);
      expect(result).toEqual({ checked: 1, announced: 0 });
      expect(db.commandCalls(UpdateCommand)[0].args[0].input).toMatchObject({
        ReturnValues: 'ALL_OLD',
        ExpressionAttributeValues: { ':expected': 1 },
      });
      expect(sfn.commandCalls(SendTaskSuccessCommand)[0].args[0].input).toEqual({
        taskToken: 'stuck',
        output: JSON.stringify({ reason: 'watchdog' }),
      });
    },
  );
});
