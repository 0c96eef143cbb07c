/** GET /p/{bodyId}: the public "what happened with it" page of a body. No sign-in: it holds no personal data. */
import middy from '@middy/core';
import { unavailablePages } from '../../platform/http-errors';
import { unavailablePage } from '../../engine/page-layout';
import { publicBodyPage } from './page';
import { invalidLinkPage, problemPage } from '../../engine/page-layout';
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

async function handle(event: HttpEvent): Promise<HttpResult> {
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
  const lang = event.queryStringParameters?.lang === 'en' ? 'en' : 'nl';
  const result = page(200, publicBodyPage(body, items, people, orgs, lang, deps.now(), meetings, rounds));
  // Public and the same for everyone: a short cache is fine here, unlike the personal pages.
  return {
    ...result,
    headers: {
      ...result.headers,
      'cache-control': 'public, max-age=60',
      'referrer-policy': 'strict-origin-when-cross-origin',
    },
  };
}

function pageError(err: unknown): HttpResult {
  return page(errorResponse(err).statusCode, problemPage());
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(httpErrors(pageError))
  .use(unavailablePages(unavailablePage))
  .handler(handle);
