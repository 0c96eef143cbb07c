/**
 * GET /verantwoording: the public accountability page; GET /verantwoording.atom: its Atom feed.
 * A function of its own so the events' and consultations' models stay out of the publicPage bundle.
 * Every read is a query (the stores' status and body indexes); nothing here writes.
 */
import middy from '@middy/core';
import { accountability } from './accountability-data';
import { accountabilityFeed } from './accountability-feed';
import { accountabilityPage } from './accountability';
import { DynamoActielijnStore } from '../actielijn';
import { roundDeps } from '../approval-round';
import { consultationStore, listConsultations } from '../consultation';
import { DynamoCycleStore } from '../cycle';
import { DynamoEventStore, listEvents } from '../event';
import { followUpDeps } from '../follow-up';
import { directoryStore } from '../../engine/deps';
import { invalidLinkPage, problemPage, unavailablePage } from '../../engine/page-layout';
import { config } from '../../platform/config';
import { page, type HttpEvent, type HttpResult } from '../../platform/http';
import { errorResponse, httpErrors, unavailablePages } from '../../platform/http-errors';

/** The latest decisions read per board; the page shows fewer, older ones stay on the body's page. */
const ROUNDS_PER_BOARD = 20;

let stores: { cycles: DynamoCycleStore; actielijnen: DynamoActielijnStore; events: DynamoEventStore } | undefined;
const own = () =>
  (stores ??= {
    cycles: new DynamoCycleStore(config().tableName),
    actielijnen: new DynamoActielijnStore(config().tableName),
    events: new DynamoEventStore(config().tableName),
  });

async function load() {
  const s = own();
  const deps = followUpDeps();
  const bodies = (await directoryStore().listBodies()).filter((b) => b.active !== false);
  const boards = bodies.filter((b) => b.kind === 'board');
  const [roundsPerBoard, items, cycles, actielijnen, events, consultations] = await Promise.all([
    Promise.all(boards.map((b) => roundDeps().rounds.listClosedByBody(b.id, ROUNDS_PER_BOARD))),
    deps.items.list(),
    s.cycles.list(),
    s.actielijnen.list(),
    listEvents({ events: s.events }),
    listConsultations({ consultations: consultationStore() }),
  ]);
  const rounds = roundsPerBoard.flatMap((rs, i) => rs.map((r) => ({ ...r, bodyName: boards[i].name })));
  const bodyLinks = bodies.map((b) => ({ id: b.id, name: b.name }));
  return accountability({
    rounds,
    items,
    cycles,
    actielijnen,
    bodies: bodyLinks,
    events,
    consultations,
    now: deps.now(),
  });
}

const headers = (type: string) => ({
  'content-type': type,
  // Public and the same for everyone, like the other public pages.
  'cache-control': 'public, max-age=60',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
});

async function handle(event: HttpEvent): Promise<HttpResult> {
  const lang = event.queryStringParameters?.lang === 'en' ? 'en' : 'nl';
  if (event.routeKey === 'GET /verantwoording.atom') {
    const xml = accountabilityFeed(await load(), lang, config().publicBaseUrl, followUpDeps().now());
    return { statusCode: 200, headers: headers('application/atom+xml; charset=utf-8'), body: xml };
  }
  if (event.routeKey !== 'GET /verantwoording') return page(404, invalidLinkPage());
  const result = page(200, accountabilityPage(await load(), lang));
  return { ...result, headers: { ...result.headers, ...headers('text/html; charset=utf-8') } };
}

function pageError(err: unknown): HttpResult {
  return page(errorResponse(err).statusCode, problemPage());
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(httpErrors(pageError))
  .use(unavailablePages(unavailablePage))
  .handler(handle);
