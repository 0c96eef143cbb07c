/**
 * While DynamoDB or Step Functions cannot be reached (after the SDK's retries), the office API and
 * the decision page answer 503 with Retry-After and a clear message, never 500, and a create that
 * failed midway leaves nothing half done: sent again under its Idempotency-Key it finishes.
 */
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DeleteItemCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signLink } from '../../../functions/platform/link-token';
import { validCreateRequest } from './create-request';
import { httpEvent, lambdaContext, LINK_KEYS, setHandlerEnv } from '../../support/handler-env';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const raw = mockClient(DynamoDBClient);
type Handler = (e: unknown, c: unknown) => Promise<any>;
let api: Handler;
let pages: Handler;

/** What the SDK throws once its retries are spent on a refusing endpoint or a black hole. */
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
const timedOut = () => Object.assign(new Error('request timed out'), { name: 'TimeoutError' });

const board = {
  id: 'board',
  name: 'Bestuur',
  kind: 'board',
  members: [{ personId: 'p1', role: 'chair', voting: true }],
};
const valid = validCreateRequest;
const create = (key?: string) => {
  const event = httpEvent('POST /api/rounds', { body: JSON.stringify(valid) });
  if (key) event.headers['idempotency-key'] = key;
  return api(event, lambdaContext);
};

beforeAll(async () => {
  setHandlerEnv();
  api = (await import('../../../functions/flows/approval-round/api.handler')).handler as unknown as Handler;
  pages = (await import('../../../functions/flows/approval-round/page.handler')).handler as unknown as Handler;
});
beforeEach(() => {
  db.reset();
  sfn.reset();
  raw.reset();
  raw.on(PutItemCommand).resolves({});
  raw.on(UpdateItemCommand).resolves({});
  raw.on(DeleteItemCommand).resolves({});
});

function expectRetryLater(res: { statusCode: number; headers: Record<string, string> }) {
  expect(res.statusCode).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('the office API while a service is unreachable', () => {
  it('answers 503 with Retry-After and a retry message when DynamoDB refuses, and starts nothing', async () => {
    db.on(GetCommand).rejects(refused());
    db.on(PutCommand).rejects(refused());
    const res = await create();
    expectRetryLater(res);
    expect(JSON.parse(res.body).message).toMatch(/briefly unavailable.*try again in \d+ seconds/);
    expect(sfn.calls()).toHaveLength(0);
  });

  it('a create that stored the round but failed at its audit record is finished by the same key', async () => {
    db.on(GetCommand).resolves({});
    db.on(GetCommand, { Key: { pk: 'BODY#board', sk: 'BODY' } }).resolves({ Item: { doc: board } });
    let stored: Record<string, unknown> | undefined;
    db.on(PutCommand).callsFake((input) => {
      if (String(input.Item.pk).startsWith('AUDIT#')) throw timedOut();
      stored = input.Item;
      return {};
    });
    expectRetryLater(await create('spuk-1'));
    expect(sfn.calls()).toHaveLength(0);

    // The store is back: the same request under the same key finds the round, records and starts it.
    db.on(GetCommand).callsFake((input) =>
      input.Key.pk === 'BODY#board' ? { Item: { doc: board } } : input.Key.sk === 'ROUND' ? { Item: stored } : {},
    );
    db.on(PutCommand).resolves({});
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    const again = await create('spuk-1');
    expect(again.statusCode).toBe(201);
    const id = (stored!.doc as { id: string }).id;
    expect(JSON.parse(again.body).id).toBe(id);
    const audits = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item!);
    expect(audits).toContainEqual(expect.objectContaining({ pk: `AUDIT#ROUND#${id}`, sk: 'v000001:created' }));
    expect(sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input.name)).toEqual([id]);
  });

  it('answers 503 when Step Functions is throttling the start', async () => {
    db.on(GetCommand, { Key: { pk: 'BODY#board', sk: 'BODY' } }).resolves({ Item: { doc: board } });
    db.on(PutCommand).resolves({});
    sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    expectRetryLater(await create());
  });
});

describe('the decision page while DynamoDB is unreachable', () => {
  const keys = { currentKid: 'test-1', keys: { 'test-1': Buffer.from(LINK_KEYS['test-1']) } };
  const token = signLink(keys, { typ: 'round', sub: 'r1', pid: 'p1', exp: 4_100_000_000 });
  const event = (method: string) =>
    httpEvent(`${method} /d/{token}`, {
      path: `/d/${token}`,
      pathParameters: { token },
      body: method === 'POST' ? 'choice=approve' : undefined,
      contentType: 'application/x-www-form-urlencoded',
    });

  it('shows a page, Dutch first, that says to try again in a minute, with 503 and Retry-After', async () => {
    db.on(GetCommand).rejects(timedOut());
    for (const method of ['GET', 'POST']) {
      const res = await pages(event(method), lambdaContext);
      expectRetryLater(res);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<html lang="nl">');
      const nl = res.body.indexOf('Probeer het over een minuut opnieuw');
      expect(nl).toBeGreaterThan(0);
      expect(res.body.indexOf('Please try again in a minute')).toBeGreaterThan(nl);
    }
    expect(db.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
