/**
 * Documents behind a person's own link. GET /d/{token}/documents/{id}: a round's file, through a
 * member's decision link; GET /m/{token}/documents/{id}: a meeting's file, through a meeting link;
 * /u/{token}/documents and /m/{token}/documents: a partner delivers a file, the secretary adds the
 * presentations with the minutes (link-uploads.ts). The link is checked as its own page checks it;
 * a file opens as a redirect to a fresh presigned S3 link that works for a few minutes. Files are
 * never public, and the lasting link is the person's own.
 */
import middy from '@middy/core';
import { roundDeps, roundOfLink } from '../approval-round';
import { meetingDeps, meetingOfLink } from '../meeting';
import { invalidLinkPage, unavailablePage } from '../../engine/page-layout';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type HttpEvent, type HttpResult, page, routeIn, type RouteTable } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { documentDeps } from './deps';
import { type LinkPart, partnerPart, secretaryPart, uploadDone, uploadPage } from './link-uploads';
import { openDocument } from './use-cases';

const redirect = (url: string): HttpResult => ({
  statusCode: 302,
  headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  body: '',
});

const token = (event: HttpEvent) => event.pathParameters?.token ?? '';
const docId = (event: HttpEvent) => event.pathParameters?.id ?? '';

/** A route for the person behind the link, or the page of a wrong link. */
const withPart =
  (find: (token: string) => Promise<LinkPart | null>, run: (p: LinkPart, e: HttpEvent) => Promise<HttpResult>) =>
  async (event: HttpEvent) => {
    const part = await find(token(event));
    return part ? run(part, event) : page(404, invalidLinkPage());
  };

const routes: RouteTable<'documentLinks'> = {
  'GET /u/{token}/documents': withPart(partnerPart, uploadPage),
  'GET /u/{token}/documents/done': withPart(partnerPart, uploadDone),
  'GET /u/{token}/documents/{id}': withPart(partnerPart, async (p, e) =>
    redirect(await openDocument(documentDeps(), p.owner, docId(e), 'inline')),
  ),
  'GET /m/{token}/documents': withPart(secretaryPart, uploadPage),
  'GET /m/{token}/documents/done': withPart(secretaryPart, uploadDone),
  'GET /d/{token}/documents/{id}': async (event) => {
    const link = await roundOfLink(roundDeps(), token(event));
    if (!link) return page(404, invalidLinkPage());
    return redirect(await openDocument(documentDeps(), { kind: 'round', id: link.roundId }, docId(event), 'inline'));
  },
  'GET /m/{token}/documents/{id}': async (event) => {
    const link = await meetingOfLink(meetingDeps(), token(event));
    if (!link) return page(404, invalidLinkPage());
    const owner = { kind: 'meeting' as const, id: link.meeting.id };
    return redirect(await openDocument(documentDeps(), owner, docId(event), 'inline'));
  },
};

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  try {
    if (!route) return page(404, invalidLinkPage());
    return await route(event);
  } catch (err) {
    // A document of another owner, or none: the same page as a wrong link, so nothing is revealed.
    if (err instanceof NotFoundError) return page(404, invalidLinkPage());
    // A tampered or foreign upload ticket: nothing was kept.
    if (err instanceof ValidationError) return page(400, invalidLinkPage());
    throw err;
  }
}

export const handler = middy<HttpEvent, HttpResult>().use(unavailablePages(unavailablePage)).handler(handle);
