/** The decision page handler against mocked AWS clients: reads on GET/HEAD, one conditional write on POST. */
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signLink } from '../../../functions/platform/link-token';
import { createRound } from '../../../functions/flows/approval-round/round';
import { httpEvent, lambdaContext, LINK_KEYS, setHandlerEnv } from '../../support/handler-env';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const ses = mockClient(SESv2Client);
let handler: (e: unknown, c: unknown) => Promise<any>;

const keys = { currentKid: 'test-1', keys: { 'test-1': Buffer.from(LINK_KEYS['test-1']) } };
const round = createRound(
  {
    id: 'r1',
    title: 'Spoedbesluit',
    summary: 'Akkoord?',
    documents: [],
    approverIds: ['p1', 'p2'],
    rule: { type: 'first-response' },
    deadline: '2099-01-01T12:00:00Z',
    reminders: [],
    createdBy: 'office',
  },
  new Date(),
);
const person = {
  id: 'p1',
  name: 'Ria Jansen',
  email: 'ria.jansen@example.org',
  lang: 'nl',
  kind: 'resident',
  active: true,
};
const token = signLink(keys, { typ: 'round', sub: 'r1', pid: 'p1', exp: 4_100_000_000 });
const event = (method: string, body?: string) =>
  httpEvent(`${method} /d/{token}`, {
    path: `/d/${token}`,
    pathParameters: { token },
    body,
    contentType: 'application/x-www-form-urlencoded',
  });

beforeAll(async () => {
  setHandlerEnv();
  handler = (await import('../../../functions/flows/approval-round/page.handler')).handler as unknown as typeof handler;
});
beforeEach(() => {
  db.reset();
  sfn.reset();
  ses.reset();
  db.on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'ROUND' } }).resolves({ Item: { doc: round } });
  db.on(GetCommand, { Key: { pk: 'PERSON#p1', sk: 'PERSON' } }).resolves({ Item: { doc: person } });
  db.on(BatchGetCommand).resolves({ Responses: { table: [{ doc: person }] } });
  db.on(PutCommand).resolves({});
  // The page lists the round's uploaded files (documents flow): none here.
  db.on(QueryCommand).resolves({ Items: [] });
});

describe('decision page', () => {
  it('GET and HEAD only read, and the page carries no-store and no-referrer', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await handler(event(method), lambdaContext);
      expect(res.statusCode).toBe(200);
      expect(res.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    }
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
    expect(sfn.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  it(
    'records a decision with one conditional write; ' + 'the closing writer takes the token and resumes the workflow',
    async () => {
      const page = await handler(event('GET'), lambdaContext);
      const proof = /name="proof" value="([^"]+)"/.exec(page.body)![1];
      db.on(UpdateCommand).resolves({ Attributes: { taskToken: 'secret-task-token' } });
      sfn.on(SendTaskSuccessCommand).resolves({});
      ses.on(SendEmailCommand).resolves({ MessageId: 'm1' });
      const res = await handler(
        event('POST', new URLSearchParams({ proof, choice: 'approve' }).toString()),
        lambdaContext,
      );
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('secret-task-token');
      const update = db.commandCalls(UpdateCommand)[0].args[0].input;
      expect(update).toMatchObject({
        ConditionExpression: 'version = :expected',
        ReturnValues: 'ALL_OLD',
        ExpressionAttributeValues: { ':expected': 1, ':next': 2, ':status': 'closed' },
      });
      expect(update.UpdateExpression).toContain('REMOVE taskToken');
      expect(sfn.commandCalls(SendTaskSuccessCommand)[0].args[0].input).toEqual({
        taskToken: 'secret-task-token',
        output: JSON.stringify({ reason: 'decided' }),
      });
      const receipt = ses.commandCalls(SendEmailCommand)[0].args[0].input;
      expect(receipt.Destination?.ToAddresses).toEqual(['ria.jansen@example.org']);
      expect(receipt.Content?.Simple?.Subject?.Data).toMatch(/^Ontvangen/);
    },
  );

  it('treats a workflow that stopped waiting (TaskTimedOut) as already closed, not as a failure', async () => {
    const page = await handler(event('GET'), lambdaContext);
    const proof = /name="proof" value="([^"]+)"/.exec(page.body)![1];
    db.on(UpdateCommand).resolves({ Attributes: { taskToken: 't' } });
    sfn.on(SendTaskSuccessCommand).rejects(Object.assign(new Error('timed out'), { name: 'TaskTimedOut' }));
    ses.on(SendEmailCommand).resolves({});
    const res = await handler(
      event('POST', new URLSearchParams({ proof, choice: 'reject' }).toString()),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
  });

  it('keeps a recorded decision when the receipt cannot be sent: the receipt stays pending in the outbox', async () => {
    const page = await handler(event('GET'), lambdaContext);
    const proof = /name="proof" value="([^"]+)"/.exec(page.body)![1];
    db.on(UpdateCommand).resolves({ Attributes: {} });
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Throttling'), { name: 'ThrottlingException' }));
    const res = await handler(
      event('POST', new URLSearchParams({ proof, choice: 'approve' }).toString()),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Uw besluit is ontvangen');
    // The decision's one conditional write; after it only the outbox record's note of the failure.
    const updates = db.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates[0].Key).toEqual({ pk: 'ROUND#r1', sk: 'ROUND' });
    expect(updates.slice(1).map((u) => u.UpdateExpression)).toEqual(['SET lastError = :e']);
    const records = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item);
    // The receipt is recorded whole for the sweeper, and not put on record as sent.
    const outbox = records.filter((r) => String(r?.sk).startsWith('MAIL#receipt:'));
    expect(outbox).toEqual([expect.objectContaining({ state: 'pending', gsi1pk: 'MAIL_PENDING', attempts: 1 })]);
    expect(outbox[0]?.email).toEqual(expect.objectContaining({ tag: 'receipt', subject: expect.any(String) }));
    expect(records.filter((r) => r?.kind).map((r) => r?.kind)).toEqual(['decided', 'closed']);
  });

  it('answers a link for an unknown round with a 4xx page', async () => {
    db.on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'ROUND' } }).resolves({});
    const res = await handler(event('GET'), lambdaContext);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Deze link klopt niet');
  });
});
