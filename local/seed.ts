/**
 * First start: load the demo directory, keep the SPUK application as a draft for the board,
 * and start one small round so that the mailbox shows real mail straight away.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { bodies, organisations, people, spukDraft } from './demo-data';
import { TABLE_NAME } from './runtime-constants';

export async function seedDemoData(officeToken: string, appUrl: string, now: Date): Promise<boolean> {
  // Loaded here, after the runtime has set the endpoints the shared SDK clients read.
  const { dynamo } = await import('../functions/platform/clients');
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const seeded = await dynamo.send(new GetCommand({ TableName: TABLE_NAME, Key: { pk: 'META#demo', sk: 'META' } }));
  if (seeded.Item) return false;
  const directory = new DynamoDirectory(TABLE_NAME);
  for (const o of organisations) await directory.put('org', o);
  for (const p of people) await directory.put('person', p);
  for (const b of bodies) await directory.put('body', b);
  await dynamo.send(
    new PutCommand({ TableName: TABLE_NAME, Item: { pk: 'DRAFT#spuk', sk: 'DRAFT', doc: spukDraft(now) } }),
  );
  const deadline = new Date(now.getTime() + 7 * 24 * 3600 * 1000).toISOString();
  const res = await fetch(`${appUrl}/api/rounds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officeToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Verslag themabijeenkomst De Punt van 10 juni vaststellen',
      summary:
        'Het verslag van de tweede themabijeenkomst ligt klaar. Het verslag is vastgesteld als niemand bezwaar maakt.',
      documents: [{ title: 'Verslag tweede themabijeenkomst', url: 'https://example.org/stukken/verslag-10-juni.pdf' }],
      bodyId: 'kerngroep-de-punt',
      rule: { type: 'consent' },
      deadline,
      reminders: ['P2D'],
    }),
  });
  if (res.status !== 201) throw new Error(`demo round could not be started: ${res.status} ${await res.text()}`);
  await dynamo.send(
    new PutCommand({ TableName: TABLE_NAME, Item: { pk: 'META#demo', sk: 'META', at: now.toISOString() } }),
  );
  return true;
}

/** The SPUK draft, put to the board from the home page. */
export async function startSpukDraft(
  officeToken: string,
  appUrl: string,
  now: Date,
): Promise<{ status: number; body: any }> {
  const { dynamo } = await import('../functions/platform/clients');
  const draft = await dynamo.send(new GetCommand({ TableName: TABLE_NAME, Key: { pk: 'DRAFT#spuk', sk: 'DRAFT' } }));
  if (!draft.Item) return { status: 404, body: { message: 'No SPUK draft' } };
  const res = await fetch(`${appUrl}/api/rounds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officeToken}`, 'content-type': 'application/json' },
    // The draft's deadline counts from the moment it is put to the board.
    body: JSON.stringify({
      ...draft.Item.doc,
      deadline: new Date(now.getTime() + 14 * 24 * 3600 * 1000).toISOString(),
    }),
  });
  return { status: res.status, body: await res.json() };
}
