/** The programme office API handler against mocked AWS clients. */
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validCreateRequest } from './create-request';
import { httpEvent, lambdaContext, setHandlerEnv } from '../../support/handler-env';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
// Powertools' idempotency records go through the plain client.
const raw = mockClient(DynamoDBClient);
let handler: (e: unknown, c: unknown) => Promise<any>;

const board = {
  id: 'board',
  name: 'Bestuur',
  kind: 'board',
  members: [
    { personId: 'p1', role: 'chair', voting: true },
    { personId: 'p2', role: 'member', voting: true },
    { personId: 'p3', role: 'secretary', voting: false },
  ],
};
const valid = validCreateRequest;

beforeAll(async () => {
  setHandlerEnv();
  handler = (await import('../../../functions/flows/approval-round/api.handler')).handler as unknown as typeof handler;
});
beforeEach(() => {
  db.reset();
  sfn.reset();
  raw.reset();
});

describe('POST /api/rounds', () => {
  it(
    'stores the round conditionally, ' + 'writes the audit record and starts the workflow named after the round',
    async () => {
      db.on(GetCommand, { Key: { pk: 'BODY#board', sk: 'BODY' } }).resolves({ Item: { doc: board } });
      db.on(PutCommand).resolves({});
      sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
      const res = await handler(httpEvent('POST /api/rounds', { body: JSON.stringify(valid) }), lambdaContext);
      expect(res.statusCode).toBe(201);
      const round = JSON.parse(res.body);
      expect(round).toMatchObject({ status: 'open', createdBy: 'office', tally: { eligible: 2, pending: 2 } });
      const puts = db.commandCalls(PutCommand).map((c) => c.args[0].input);
      expect(puts[0]).toMatchObject({
        Item: { pk: `ROUND#${round.id}`, sk: 'ROUND', gsi1pk: 'ROUNDS#open' },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
      expect(puts[1]).toMatchObject({ Item: { pk: `AUDIT#ROUND#${round.id}`, kind: 'created' } });
      expect(sfn.commandCalls(StartExecutionCommand)[0].args[0].input).toEqual({
        stateMachineArn: process.env.APPROVAL_STATE_MACHINE_ARN,
        name: round.id,
        input: JSON.stringify({ roundId: round.id }),
      });
    },
  );

  it('treats a start that already exists as success (idempotent start)', async () => {
    db.on(GetCommand).resolves({ Item: { doc: board } });
    db.on(PutCommand).resolves({});
    sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('exists'), { name: 'ExecutionAlreadyExists' }));
    expect(
      (await handler(httpEvent('POST /api/rounds', { body: JSON.stringify(valid) }), lambdaContext)).statusCode,
    ).toBe(201);
  });

  it('answers invalid input with 400 and a message per field, touching nothing', async () => {
    const res = await handler(
      httpEvent('POST /api/rounds', {
        body: JSON.stringify({ ...valid, title: 'x', deadline: '24-09-2026', extra: true }),
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).fields).toMatchObject({
      title: expect.stringContaining('3'),
      deadline: expect.stringContaining('ISO-8601'),
      extra: 'is not a known field',
    });
    expect(db.calls()).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
  });

  it(
    'keeps an Idempotency-Key record per caller and key, and answers ' +
      'another body under the same key with 409, writing nothing',
    async () => {
      db.on(GetCommand).resolves({});
      db.on(GetCommand, { Key: { pk: 'BODY#board', sk: 'BODY' } }).resolves({ Item: { doc: board } });
      db.on(PutCommand).resolves({});
      sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
      raw.on(PutItemCommand).resolves({});
      raw.on(UpdateItemCommand).resolves({});
      const keyed = (body: unknown) => {
        const event = httpEvent('POST /api/rounds', { body: JSON.stringify(body) });
        event.headers['idempotency-key'] = 'spuk-1';
        return event;
      };
      const made = await handler(keyed(valid), lambdaContext);
      expect(made.statusCode, made.body).toBe(201);
      const record = raw.commandCalls(PutItemCommand)[0].args[0].input;
      expect(record).toMatchObject({
        TableName: 'table',
        Item: {
          pk: { S: 'IDEMPOTENCY#rounds' },
          sk: { S: expect.stringMatching(/^rounds#/) },
          expiresAt: { N: expect.any(String) },
        },
      });
      expect(raw.commandCalls(UpdateItemCommand)[0].args[0].input.ExpressionAttributeValues).toMatchObject({
        ':status': { S: 'COMPLETED' },
      });

      // The record is there now; the same key with another rule and deadline is refused.
      db.reset();
      sfn.reset();
      raw.reset();
      const stored = {
        ...record.Item,
        status: { S: 'COMPLETED' },
        data: { M: { statusCode: { N: '201' }, body: { S: '{}' } } },
      };
      raw
        .on(PutItemCommand)
        .rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {}, Item: stored }));
      const res = await handler(
        keyed({ ...valid, rule: { type: 'unanimous' }, deadline: new Date(Date.now() + 20 * 86400_000).toISOString() }),
        lambdaContext,
      );
      expect(res.statusCode).toBe(409);
      expect(JSON.parse(res.body).message).toContain('Idempotency-Key');
      expect(db.calls()).toHaveLength(0);
      expect(sfn.calls()).toHaveLength(0);
    },
  );

  it(
    'refuses another body under a key whose first attempt ' + 'stored the round and then failed (its record is gone)',
    async () => {
      const stored: Record<string, unknown> = {};
      const key = (k: { pk: string; sk: string }) => `${k.pk}|${k.sk}`;
      db.on(GetCommand).callsFake((input) =>
        input.Key.pk === 'BODY#board'
          ? { Item: { doc: board } }
          : stored[key(input.Key)]
            ? { Item: stored[key(input.Key)] }
            : {},
      );
      db.on(PutCommand).callsFake((input) => {
        stored[key(input.Item)] = input.Item;
        return {};
      });
      raw.on(PutItemCommand).resolves({});
      raw.on(UpdateItemCommand).resolves({});
      // The workflow does not start the first time: Powertools deletes its record, the round stays.
      sfn
        .on(StartExecutionCommand)
        .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }))
        .resolves({ executionArn: 'arn' });
      const keyed = (body: unknown) => {
        const event = httpEvent('POST /api/rounds', { body: JSON.stringify(body) });
        event.headers['idempotency-key'] = 'spuk-2';
        return event;
      };
      // Throttling is an outage, not our fault: 503 (see http-errors.ts), the round stored already.
      expect((await handler(keyed(valid), lambdaContext)).statusCode).toBe(503);
      const other = await handler(
        keyed({ ...valid, title: 'Iets anders', rule: { type: 'unanimous' } }),
        lambdaContext,
      );
      expect(other.statusCode, other.body).toBe(409);
      // The same request again finishes the first attempt: its round, its workflow started.
      const again = await handler(keyed(valid), lambdaContext);
      expect(again.statusCode, again.body).toBe(201);
      expect(JSON.parse(again.body)).toMatchObject({ title: 'SPUK-aanvraag', rule: { type: 'majority' } });
      expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(2);
    },
  );

  it('hides internal failures behind a generic 500', async () => {
    db.on(GetCommand).rejects(new Error('connection reset by table-internal-host'));
    const res = await handler(httpEvent('POST /api/rounds', { body: JSON.stringify(valid) }), lambdaContext);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('table-internal-host');
  });
});

describe('other routes', () => {
  it('answers an unknown round with 404', async () => {
    db.on(GetCommand).resolves({});
    const res = await handler(
      httpEvent('GET /api/rounds/{id}', { path: '/api/rounds/r-x', pathParameters: { id: 'r-x' } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(404);
  });

  it('lists by status through the index, newest first, never scanning', async () => {
    db.on(QueryCommand).resolves({ Items: [] });
    const res = await handler(httpEvent('GET /api/rounds', { query: { status: 'open' } }), lambdaContext);
    expect(res.statusCode).toBe(200);
    expect(db.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
      IndexName: 'gsi1',
      ExpressionAttributeValues: { ':p': 'ROUNDS#open' },
      ScanIndexForward: false,
    });
  });

  it('answers a change to a closed round with 409 and writes nothing', async () => {
    const closed = {
      id: 'r1',
      status: 'closed',
      version: 3,
      approverIds: [],
      votes: {},
      stages: [],
      remindersSent: [],
      rule: { type: 'majority' },
      stage: 'majority',
      deadline: '2099-01-01T00:00:00Z',
      reminders: [],
    };
    db.on(GetCommand).resolves({ Item: { doc: closed } });
    const res = await handler(
      httpEvent('POST /api/rounds/{id}/cancel', {
        path: '/api/rounds/r1/cancel',
        pathParameters: { id: 'r1' },
        body: JSON.stringify({ reason: 'ingetrokken' }),
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(409);
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
