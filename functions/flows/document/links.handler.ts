/**
 * GET /d/{token}/documents/{id}: a round's file, opened by a member through their own decision link;
 * GET /m/{token}/documents/{id}: a meeting's file, through a member's (secretary's, chair's) meeting link.
 * The link is checked as its page checks it (valid, not expired, the person still an approver, or
 * active and still in the link's role); then the browser is sent to a fresh presigned S3 link that works for a few minutes.
 * The file is never public, and the lasting link is the member's own.
 */
import middy from '@middy/core';
import { roundDeps, roundOfLink } from '../approval-round';
import { meetingDeps, meetingOfLink } from '../meeting';
import { invalidLinkPage, unavailablePage } from '../../engine/page-layout';
import { NotFoundError } from '../../platform/errors';
import { type HttpEvent, type HttpResult, page, routeIn, type RouteTable } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { documentDeps } from './deps';
import { openDocument } from './use-cases';

const redirect = (url: string): HttpResult => ({
  statusCode: 302,
  headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  body: '',
});

const routes: RouteTable<'documentLinks'> = {
  'GET /d/{token}/documents/{id}': async (event) => {
    const { token = '', id = '' } = event.pathParameters ?? {};
    const link = await roundOfLink(roundDeps(), token);
    if (!link) return page(404, invalidLinkPage());
    return redirect(await openDocument(documentDeps(), { kind: 'round', id: link.roundId }, id, 'inline'));
  },
  'GET /m/{token}/documents/{id}': async (event) => {
    const { token = '', id = '' } = event.pathParameters ?? {};
    const link = await meetingOfLink(meetingDeps(), token);
    if (!link) return page(404, invalidLinkPage());
    return redirect(await openDocument(documentDeps(), { kind: 'meeting', id: link.meetingId }, id, 'inline'));
  },
};

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  try {
    if (!route) return page(404, invalidLinkPage());
    return await route(event);
  } catch (err) {
    // A document of another round, or none: the same page as a wrong link, so nothing is revealed.
    if (err instanceof NotFoundError) return page(404, invalidLinkPage());
    throw err;
  }
}

export const handler = middy<HttpEvent, HttpResult>().use(unavailablePages(unavailablePage)).handler(handle);
