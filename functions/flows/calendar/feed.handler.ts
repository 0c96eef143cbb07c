/**
 * GET /k/{token}: the office's calendar feed, read by its calendar client (Outlook, Google, Apple)
 * without a session: the token in the path is the capability (feed.ts). Every kind of entry of
 * every group, from 60 days back to 400 days ahead, in Dutch.
 */
import middy from '@middy/core';
import { unavailablePage } from '../../engine/page-layout';
import type { HttpEvent, HttpResult } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { daysBefore } from '../../engine/date-window';
import { DynamoDirectory } from '../../engine/directory-store';
import { config } from '../../platform/config';
import { feedDeps } from './deps';
import { calendarEntries } from './entries';
import { openFeed } from './feed';
import { feedIcs } from './ics';

const BACK_DAYS = 60;
const AHEAD_DAYS = 400;

const HEADERS = {
  'cache-control': 'private, no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const refused = (status: 403 | 404): HttpResult => ({
  statusCode: status,
  headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  body:
    status === 404
      ? 'Deze agenda bestaat niet.\n'
      : 'Deze link naar de agenda werkt niet meer. Vraag het programmabureau om de nieuwe link.\n',
});

async function handle(event: HttpEvent): Promise<HttpResult> {
  const deps = feedDeps();
  const access = await openFeed(deps, event.pathParameters?.token ?? '');
  if (!access.ok) return refused(access.status);
  const now = deps.now().toISOString();
  const window = { from: daysBefore(now, BACK_DAYS), to: daysBefore(now, -AHEAD_DAYS) };
  const [entries, bodies] = await Promise.all([
    calendarEntries(window, 'nl'),
    new DynamoDirectory(config().tableName).listBodies(),
  ]);
  const body = feedIcs(entries, {
    lang: 'nl',
    domain: new URL(deps.publicBaseUrl).hostname,
    baseUrl: deps.publicBaseUrl,
    stamp: deps.now(),
    bodies: new Map(bodies.map((b) => [b.id, b.name])),
  });
  return {
    statusCode: 200,
    headers: {
      ...HEADERS,
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="agenda.ics"',
    },
    body: event.requestContext.http.method === 'HEAD' ? '' : body,
  };
}

export const handler = middy<HttpEvent, HttpResult>().use(unavailablePages(unavailablePage)).handler(handle);
