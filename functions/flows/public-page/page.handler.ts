/**
 * GET /p/{bodyId}: the public "what happened with it" page of a body; GET /cycli: the programme's
 * cycles in plain words (cycles.tsx); GET /actielijnen: each actielijn's current state (actielijnen.tsx). No sign-in: they hold no personal data.
 */
import middy from '@middy/core';
import { unavailablePages } from '../../platform/http-errors';
import { unavailablePage } from '../../engine/page-layout';
import { publicActielijnenPage } from './actielijnen';
import { publicCyclesPage } from './cycles';
import { publicBodyPage } from './page';
import { invalidLinkPage, problemPage } from '../../engine/page-layout';
import { DynamoActielijnStore } from '../actielijn';
import { DynamoCycleStore } from '../cycle';
import { DynamoMeetingStore } from '../meeting';
import { config } from '../../platform/config';
import { directoryStore } from '../../engine/deps';
import { followUpDeps } from '../follow-up';
import { roundDeps } from '../approval-round';
import { errorResponse, httpErrors } from '../../platform/http-errors';
import { page, type HttpEvent, type HttpResult } from '../../platform/http';

/** The latest decisions a public page shows; older ones stay in the dossiers. */
const PUBLIC_ROUNDS = 50;

let meetings: DynamoMeetingStore | undefined;
const meetingStore = () => (meetings ??= new DynamoMeetingStore(config().tableName));
let cycles: DynamoCycleStore | undefined;
const cycleStore = () => (cycles ??= new DynamoCycleStore(config().tableName));
let actielijnen: DynamoActielijnStore | undefined;
const actielijnStore = () => (actielijnen ??= new DynamoActielijnStore(config().tableName));

/** Public and the same for everyone: a short cache is fine here, unlike the personal pages. */
function publicPage(html: string): HttpResult {
  const result = page(200, html);
  return {
    ...result,
    headers: {
      ...result.headers,
      'cache-control': 'public, max-age=60',
      'referrer-policy': 'strict-origin-when-cross-origin',
    },
  };
}

const langOf = (event: HttpEvent) => (event.queryStringParameters?.lang === 'en' ? 'en' : 'nl');

async function cyclesPage(event: HttpEvent): Promise<HttpResult> {
  // Every status: a query per status on the index (never a scan); the page leaves out what it must.
  const [all, orgs] = await Promise.all([cycleStore().list(), directoryStore().listOrganisations()]);
  return publicPage(publicCyclesPage(all, orgs, langOf(event), followUpDeps().now()));
}

async function actielijnenPage(event: HttpEvent): Promise<HttpResult> {
  // Both statuses, a query each on the index (never a scan).
  const [all, orgs] = await Promise.all([actielijnStore().list(), directoryStore().listOrganisations()]);
  return publicPage(publicActielijnenPage(all, orgs, langOf(event)));
}

async function handle(event: HttpEvent): Promise<HttpResult> {
  if (event.routeKey === 'GET /cycli') return cyclesPage(event);
  if (event.routeKey === 'GET /actielijnen') return actielijnenPage(event);
  const id = event.pathParameters?.bodyId ?? '';
  const directory = directoryStore();
  const body = /^[\w-]{1,100}$/.test(id) ? await directory.getBody(id) : null;
  if (!body || body.active === false) return page(404, invalidLinkPage());
  const deps = followUpDeps();
  const [items, people, orgs, meetings, rounds] = await Promise.all([
    deps.items.list(),
    directory.listPeople(),
    directory.listOrganisations(),
    meetingStore().list('closed'),
    roundDeps().rounds.listClosedByBody(body.id, PUBLIC_ROUNDS),
  ]);
  return publicPage(publicBodyPage(body, items, people, orgs, langOf(event), deps.now(), meetings, rounds));
}

function pageError(err: unknown): HttpResult {
  return page(errorResponse(err).statusCode, problemPage());
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(httpErrors(pageError))
  .use(unavailablePages(unavailablePage))
  .handler(handle);
