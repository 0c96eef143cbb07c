/** The public page of a body against mocked AWS clients: its decisions come from a query by body, never a scan. */
import { DynamoDBDocumentClient, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpEvent, lambdaContext, setHandlerEnv } from '../../support/handler-env';

const db = mockClient(DynamoDBDocumentClient);
let handler: (e: unknown, c: unknown) => Promise<any>;

const board = {
  id: 'board',
  name: 'Bestuur',
  kind: 'board',
  members: [
    { personId: 'p1', role: 'chair', voting: true },
    { personId: 'p2', role: 'member', voting: true },
  ],
};
const tally = { eligible: 2, approve: 2, reject: 0, abstain: 0, object: 0, pending: 0 };
const [started, ended] = ['2026-09-01T08:00:00.000Z', '2026-09-03T08:00:00.000Z'];
const closed = {
  id: 'r1',
  title: 'Begroting 2027',
  summary: 'Gaat u akkoord met de begroting?',
  documents: [],
  bodyId: 'board',
  approverIds: ['p1', 'p2'],
  rule: { type: 'majority', quorum: 0.5 },
  deadline: '2026-09-24T15:00:00.000Z',
  reminders: [],
  createdBy: 'office',
  status: 'closed',
  outcome: 'approved',
  stage: 'majority',
  stageStartedAt: started,
  createdAt: started,
  closedAt: ended,
  remindersSent: [],
  version: 4,
  stages: [{ stage: 'majority', startedAt: started, endedAt: ended, tally, result: 'approved', objections: [] }],
  votes: { p1: { choice: 'approve', at: '2026-09-02T08:00:00.000Z', changes: 0, comment: 'Prima, Jan' } },
};

beforeAll(async () => {
  setHandlerEnv();
  handler = (await import('../../../functions/flows/public-page/page.handler')).handler as unknown as typeof handler;
});
beforeEach(() => db.reset());

describe('GET /p/{bodyId}', () => {
  it('shows the closed rounds of the body from a query by body, with the tally and no comments', async () => {
    db.on(GetCommand, { Key: { pk: 'BODY#board', sk: 'BODY' } }).resolves({ Item: { doc: board } });
    db.on(GetCommand, { Key: { pk: 'ROUND#r1', sk: 'ROUND' } }).resolves({ Item: { doc: closed } });
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':p': 'BODYROUNDS#board' } }).resolves({
      Items: [{ roundId: 'r1' }],
    });
    const event = httpEvent('GET /p/{bodyId}', { path: '/p/board', pathParameters: { bodyId: 'board' } });
    const res = await handler(event, lambdaContext);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Begroting 2027');
    expect(res.body).toContain('Het voorstel is aangenomen.');
    expect(res.body).toContain('2 akkoord, 0 niet akkoord');
    expect(res.body).not.toContain('Prima, Jan');
    const queried = db.commandCalls(QueryCommand).map((c) => c.args[0].input);
    const byBody = queried.find((i) => i.ExpressionAttributeValues?.[':p'] === 'BODYROUNDS#board');
    expect(byBody).toMatchObject({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ScanIndexForward: false,
      Limit: 50,
    });
    // Not every round of every body: no listing by status.
    expect(queried.some((i) => /^ROUNDS#/.test(String(i.ExpressionAttributeValues?.[':p'])))).toBe(false);
    expect(db.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it('shows an item whose request for more time waits for approval as late from its agreed date', async () => {
    // Due long ago (the handler reads the real clock): late until a new date is approved.
    const item = (id: string, status: string, due: string, what: string) => ({
      id,
      what,
      origin: { kind: 'office' },
      owner: { personId: 'p1' },
      due,
      bodyId: 'board',
      status,
      createdAt: '2026-01-01T10:00:00Z',
      dueHistory: [],
      actionsDone: [],
      createdBy: 'o',
      version: 3,
      ...(status === 'awaiting-approval' ? { requestedDue: { due: '2099-01-10T16:00:00Z', reason: 'Later' } } : {}),
    });
    db.on(GetCommand, { Key: { pk: 'BODY#board', sk: 'BODY' } }).resolves({ Item: { doc: board } });
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':p': 'ITEMS#awaiting-approval' } }).resolves({
      Items: [
        { doc: item('f1', 'awaiting-approval', '2026-01-08T16:00:00.000Z', 'Speeltuin repareren') },
        { doc: item('f2', 'awaiting-approval', '2099-01-08T16:00:00.000Z', 'Bankjes plaatsen') },
      ],
    });
    const event = httpEvent('GET /p/{bodyId}', { path: '/p/board', pathParameters: { bodyId: 'board' } });
    const res = await handler(event, lambdaContext);
    expect(res.statusCode).toBe(200);
    const text = res.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Speeltuin repareren');
    expect(text).toMatch(/Speeltuin repareren[^·]*·[^·]*8 januari 2026 om 17:00 uur \(te laat\)/);
    expect(text).not.toMatch(/8 januari 2099 om 17:00 uur \(te laat\)/);
  });
});

describe('GET /cycli', () => {
  it('reads cycles by a query per status, never a scan, and leaves a stopped one without its steps', async () => {
    const cycle = (id: string, status: string) => ({
      id,
      templateId: 'half-yearly-advice',
      name: { nl: `Halfjaarlijks advies ${id}`, en: `Half-yearly advice ${id}` },
      assignments: { board: { personIds: ['p1'], organisationIds: [] } },
      plan: {
        templateId: 'half-yearly-advice',
        anchors: {},
        horizon: '2099-01-01T00:00:00.000Z',
        changes: [],
        phases: [],
      },
      facts: {},
      status,
      createdAt: '2026-10-01T10:00:00.000Z',
      createdBy: 'office',
      version: 2,
      ...(status === 'cancelled'
        ? { cancelled: { by: 'office', at: '2026-10-02T10:00:00.000Z', reason: 'Jan vroeg het' } }
        : {}),
    });
    db.on(QueryCommand).resolves({ Items: [] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':p': 'CYCLES#running' } }).resolves({
      Items: [{ doc: cycle('c1', 'running') }],
    });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':p': 'CYCLES#cancelled' } }).resolves({
      Items: [{ doc: cycle('c2', 'cancelled') }],
    });
    const res = await handler(httpEvent('GET /cycli'), lambdaContext);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.body).toContain('Halfjaarlijks advies c1');
    expect(res.body).toContain('Gestopt op 2 oktober 2026.');
    expect(res.body).not.toContain('Jan vroeg het');
    const lists = db
      .commandCalls(QueryCommand)
      .map((c) => String(c.args[0].input.ExpressionAttributeValues?.[':p']))
      .filter((p) => p.startsWith('CYCLES#'));
    expect(lists.sort()).toEqual(['CYCLES#cancelled', 'CYCLES#done', 'CYCLES#planned', 'CYCLES#running']);
    expect(db.commandCalls(ScanCommand)).toHaveLength(0);
  });
});
