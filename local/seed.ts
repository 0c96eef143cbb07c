/**
 * First start: load the demo directory, keep the SPUK application as a draft for the board,
 * and start one small round so that the mailbox shows real mail straight away.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { demoConsultation } from './demo-consultation';
import { actielijnCycle, actielijnRecord, boardMeetings, demoActielijnen, spukCycle } from './demo-cycles';
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

type Api = (method: string, path: string, body: unknown, key?: string) => Promise<{ status: number; body: any }>;

function officeApi(officeToken: string, appUrl: string): Api {
  return async (method, path, body, key) => {
    const res = await fetch(`${appUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${officeToken}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

/** One resident gave their criteria by letter: the office records it in the residents' round. */
async function officeLetter(api: Api, id: string): Promise<void> {
  const cycle = (await api('GET', `/api/cycles/${id}`, undefined)).body;
  const round = cycle.phases.find((p: { key: string }) => p.key === 'residentInput')?.facts?.flow?.id;
  if (!round) return console.warn('demo cycle: the residents were not asked, no letter recorded');
  const res = await api('POST', `/api/input-rounds/${round}/written-input`, {
    personId: 'p-hamid-ouali',
    via: 'letter',
    text: 'Geld voor de buurtkamer in De Punt, en activiteiten waar jongeren zelf over beslissen.',
  });
  // Sent again (a start after one that stopped half-way): the office's own record, written over with the same text.
  if (res.status !== 200) throw new Error(`demo cycle: letter not recorded: ${res.status}`);
}

/** The office records a step it did outside the product, when the step waits for it (and only then). */
async function officeDone(api: Api, id: string, key: string, note: string, tries = 3): Promise<void> {
  const cycle = (await api('GET', `/api/cycles/${id}`, undefined)).body;
  const f = cycle.phases?.find((p: { key: string }) => p.key === key)?.facts ?? {};
  if (f.doneAt) return;
  if (!f.office || !f.startedAt) {
    console.warn(`demo cycle: ${key} does not wait for the office, left as it is`);
    return;
  }
  const res = await api('POST', `/api/cycles/${id}/phases/${key}/done`, { version: cycle.version, note });
  // The cycle's own step wrote in between (409 on the version read): read it again, as an office user would.
  if (res.status === 409 && tries > 1) return officeDone(api, id, key, note, tries - 1);
  if (res.status !== 200) throw new Error(`demo cycle: ${key} could not be marked done: ${res.status}`);
}

/**
 * The demo's running cycles (local/demo-cycles.ts), each monitoring cycle about its actielijn made just
 * before it, once: also into data from before they existed (data seeded with the cycles before the
 * actielijnen existed keeps its cycles as they were, about no actielijn).
 * Each is started under an Idempotency-Key and dated from the first attempt's moment (kept in the
 * marker), so a start after a crash half-way sends the same requests and finds the cycles it made.
 */
export async function seedDemoCycles(
  officeToken: string,
  appUrl: string,
  now: Date,
  whenIdle: () => Promise<void>,
): Promise<boolean> {
  const { dynamo } = await import('../functions/platform/clients');
  const Key = { pk: 'META#demo-cycles', sk: 'META' };
  const marker = (await dynamo.send(new GetCommand({ TableName: TABLE_NAME, Key }))).Item;
  if (marker?.done) return false;
  const from = typeof marker?.from === 'string' ? new Date(marker.from) : now;
  if (!marker) await dynamo.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...Key, from: from.toISOString() } }));
  const api = officeApi(officeToken, appUrl);
  const create = async (path: string, key: string, req: unknown) => {
    let res = await api('POST', path, req, key);
    // A start killed in the middle of this request holds its key until the function's timeout (29 s): 503 till then.
    for (let i = 0; res.status === 503 && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      res = await api('POST', path, req, key);
    }
    if (res.status !== 201) throw new Error(`demo ${key} could not be made: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const start = (key: string, req: unknown) => create('/api/cycles', key, req);
  // Each actielijn first, then its monitoring cycle about it.
  for (const a of demoActielijnen) {
    const id = await create('/api/actielijnen', `demo-actielijn-record-${a.key}`, actielijnRecord(a));
    await start(`demo-actielijn-${a.key}`, actielijnCycle(from, a.trekker, id));
  }
  // A consultation open to the residents (issue #16): its public page and form at /inspraak.
  await create('/api/consultations', 'demo-consultation-plein', demoConsultation(from));
  const series = await api('POST', '/api/meeting-series', boardMeetings(from), 'demo-board-meetings');
  if (series.status !== 201) throw new Error(`demo board meetings could not be planned: ${series.status}`);
  // Last, so the newest: the public page shows it first among the running cycles.
  const spuk = await start('demo-spuk-application', spukCycle(from));
  // Each cycle's first step has run: the kick-off, due before the cycle began, waits for the office.
  await whenIdle();
  await officeDone(api, spuk, 'kickOff', 'De startbijeenkomst was al gehouden voordat de cyclus hier stond.');
  await whenIdle();
  await officeLetter(api, spuk);
  await whenIdle();
  await dynamo.send(
    new PutCommand({ TableName: TABLE_NAME, Item: { ...Key, from: from.toISOString(), done: now.toISOString() } }),
  );
  return true;
}
