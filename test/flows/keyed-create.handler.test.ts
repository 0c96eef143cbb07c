/**
 * Creates under an Idempotency-Key, against mocked AWS clients: an attempt that stored its document
 * and then failed (or was cut off by a crash, whose key is held only until its Lambda's timeout)
 * leaves no record of the key, and the request sent again must finish that document, not make a
 * second one (the crash harness found two action items for one create; docs/faults.md).
 * Rounds have their own tests (approval-round/outage.handler.test.ts, api.handler.test.ts).
 */
import { DeleteItemCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpEvent, lambdaContext, setHandlerEnv } from '../support/handler-env';

const db = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
// Powertools' idempotency records go through the plain client.
const raw = mockClient(DynamoDBClient);
type Handler = (e: unknown, c: unknown) => Promise<any>;

const DAY = 86400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const dateIn = (n: number) => inDays(n).slice(0, 10);

const person = (id: string) => ({
  id,
  name: id,
  email: `${id}@example.org`,
  lang: 'nl',
  kind: 'resident',
  active: true,
});
const directory: Record<string, unknown> = {
  'BODY#kerngroep|BODY': { doc: { id: 'kerngroep', name: 'Kerngroep', kind: 'core-group', members: [] } },
  'PERSON#p1|PERSON': { doc: person('p1') },
  'PERSON#p2|PERSON': { doc: person('p2') },
};
const woon = { id: 'woon', name: 'Woon!', kind: 'housing', contactIds: ['p1'] };

/** A small table: what was put can be read back, a conditional put of an existing key fails. */
function table(failFirst?: (item: Record<string, any>) => boolean) {
  const items = new Map(Object.entries(directory));
  const id = (k: { pk: string; sk: string }) => `${k.pk}|${k.sk}`;
  let failed = false;
  db.on(GetCommand).callsFake((input) => ({ Item: items.get(id(input.Key)) }));
  db.on(QueryCommand).callsFake((input) => ({
    Items: input.ExpressionAttributeValues?.[':p'] === 'ORGS' ? [{ doc: woon }] : [],
  }));
  db.on(PutCommand).callsFake((input) => {
    if (!failed && failFirst?.(input.Item)) {
      failed = true;
      throw Object.assign(new Error('request timed out'), { name: 'TimeoutError' });
    }
    if (input.ConditionExpression?.includes('attribute_not_exists') && items.has(id(input.Item)))
      throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    items.set(id(input.Item), input.Item);
    return {};
  });
}

/** Every document the handler put with the prefix (ITEM#, INPUT#, SERIES#), by id. */
const putDocs = (prefix: string) =>
  db
    .commandCalls(PutCommand)
    .map((c) => c.args[0].input.Item!)
    .filter((i) => String(i.pk).startsWith(`${prefix}#`) && i.sk === prefix)
    .map((i) => i.doc.id);

const started = () => sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input.name);

const flows = [
  {
    flow: 'action items',
    module: 'follow-up',
    route: 'POST /api/follow-ups',
    prefix: 'ITEM',
    request: { what: 'Bankjes plaatsen', due: inDays(20), bodyId: 'kerngroep', ownerPersonId: 'p1' },
    other: { what: 'Iets anders' },
    /** The workflows started for the document `id`. */
    workflows: (id: string) => [id],
  },
  {
    flow: 'input rounds',
    module: 'input-round',
    route: 'POST /api/input-rounds',
    prefix: 'INPUT',
    request: {
      title: 'Cijfers 2026',
      request: 'Hoeveel bewoners?',
      organisationIds: ['woon'],
      deadline: inDays(10),
      bodyId: 'kerngroep',
    },
    other: { title: 'Andere cijfers' },
    workflows: (id: string) => [id],
  },
  {
    flow: 'meeting series',
    module: 'meeting',
    route: 'POST /api/meeting-series',
    prefix: 'SERIES',
    // One meeting, close enough to be planned at once: its workflow is named by series and date.
    request: {
      bodyId: 'kerngroep',
      title: 'Extra overleg',
      rrule: 'FREQ=WEEKLY;COUNT=1',
      startsOn: dateIn(10),
      startTime: '19:00',
      durationMinutes: 90,
      chairId: 'p1',
      secretaryId: 'p2',
    },
    other: { title: 'Ander overleg' },
    workflows: (id: string) => [`${id}--${dateIn(10)}`],
  },
] as const;

const handlers = new Map<string, Handler>();

beforeAll(async () => {
  setHandlerEnv();
  Object.assign(process.env, {
    FOLLOW_UP_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:followUp',
    INPUT_ROUND_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:inputRound',
    MEETING_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:meeting',
  });
  for (const f of flows)
    handlers.set(f.module, (await import(`../../functions/flows/${f.module}/api.handler.ts`)).handler as Handler);
});
beforeEach(() => {
  db.reset();
  sfn.reset();
  raw.reset();
  raw.on(PutItemCommand).resolves({});
  raw.on(UpdateItemCommand).resolves({});
  raw.on(DeleteItemCommand).resolves({});
});

describe.each(flows)('creating $flow under an Idempotency-Key', (f) => {
  const send = (over: Record<string, unknown> = {}, key = 'key-1') => {
    const event = httpEvent(f.route, { body: JSON.stringify({ ...f.request, ...over }) });
    event.headers['idempotency-key'] = key;
    return handlers.get(f.module)!(event, lambdaContext);
  };

  it('finishes the document an attempt stored before its audit record failed: one document, on record, started', async () => {
    table((item) => String(item.pk).startsWith('AUDIT#'));
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    expect((await send()).statusCode).toBe(503);
    const [id] = putDocs(f.prefix);
    expect(id).toBeDefined();
    expect(started()).toEqual([]);

    const again = await send();
    expect(again.statusCode, again.body).toBe(201);
    expect(JSON.parse(again.body).id).toBe(id);
    expect(putDocs(f.prefix)).toEqual([id]);
    const puts = db.commandCalls(PutCommand).map((c) => c.args[0].input.Item!);
    expect(puts).toContainEqual(expect.objectContaining({ pk: `AUDIT#${f.prefix}#${id}`, sk: 'v000001:created' }));
    expect(started()).toEqual(f.workflows(id));
  });

  it('refuses another request under a key whose first attempt stored its document (its record is gone)', async () => {
    table((item) => String(item.pk).startsWith('AUDIT#'));
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    expect((await send()).statusCode).toBe(503);
    const other = await send(f.other);
    expect(other.statusCode, other.body).toBe(409);
    expect(JSON.parse(other.body).message).toContain('Idempotency-Key');
    expect(putDocs(f.prefix)).toHaveLength(1);
  });

  it('makes a document of its own for each key', async () => {
    table();
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    const a = JSON.parse((await send({}, 'key-a')).body).id;
    const b = JSON.parse((await send({}, 'key-b')).body).id;
    expect(a).not.toBe(b);
    expect(putDocs(f.prefix)).toEqual([a, b]);
  });
});

describe('an action item whose workflow did not start (the crash harness: stored, then killed)', () => {
  it('is started by the same request sent again, and no second item is made', async () => {
    table();
    sfn
      .on(StartExecutionCommand)
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }))
      .resolves({ executionArn: 'arn' });
    const event = () => {
      const e = httpEvent('POST /api/follow-ups', { body: JSON.stringify(flows[0].request) });
      e.headers['idempotency-key'] = 'crash-item-2';
      return e;
    };
    const api = handlers.get('follow-up')!;
    expect((await api(event(), lambdaContext)).statusCode).toBe(503);
    const again = await api(event(), lambdaContext);
    expect(again.statusCode, again.body).toBe(201);
    const [id] = putDocs('ITEM');
    expect(JSON.parse(again.body)).toMatchObject({ id, status: 'open' });
    expect(putDocs('ITEM')).toEqual([id]);
    expect(started()).toEqual([id, id]);
  });
});
