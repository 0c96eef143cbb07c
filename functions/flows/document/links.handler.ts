/**
 * Documents behind a person's own link. GET /d/{token}/documents/{id}: a round's file, through a
 * member's decision link; GET /m/{token}/documents/{id}: a meeting's file, through a meeting link;
 * /u/{token}/documents: a partner delivers a file in an input round (the page, the way back from S3,
 * and their organisation's files). The link is checked as its own page checks it; a file opens as a
 * redirect to a fresh presigned S3 link that works for a few minutes. Files are never public, and
 * the lasting link is the person's own.
 */
import middy from '@middy/core';
import { roundDeps, roundOfLink } from '../approval-round';
import { meetingDeps, meetingOfLink } from '../meeting';
import { inputRoundDeps, partnerOfLink } from '../input-round';
import { invalidLinkPage, unavailablePage } from '../../engine/page-layout';
import { config } from '../../platform/config';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { type HttpEvent, type HttpResult, page, routeIn, type RouteTable } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { documentDeps } from './deps';
import type { UploadRefusal } from './document';
import { partnerDocumentsPage } from './partner-page';
import { refusalMessage } from './texts';
import { confirmUpload, listDocuments, openDocument, ownerOf, prepareUpload } from './use-cases';

const redirect = (url: string): HttpResult => ({
  statusCode: 302,
  headers: { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  body: '',
});

const REFUSALS: readonly string[] = ['missing', 'type', 'too-big', 'empty', 'bytes'];

/** The partner behind an input-round link, and the part of the round that is theirs. */
async function partner(token: string) {
  const p = await partnerOfLink(inputRoundDeps(), token);
  return p && { ...p, owner: ownerOf('input-round', p.round.id, `org-${p.organisationId}`) };
}

const routes: RouteTable<'documentLinks'> = {
  'GET /u/{token}/documents': async (event) => {
    const token = event.pathParameters?.token ?? '';
    const p = await partner(token);
    if (!p) return page(404, invalidLinkPage());
    const deps = documentDeps();
    const back = (ticket: string) =>
      `${config().publicBaseUrl}/u/${token}/documents/done?ticket=${encodeURIComponent(ticket)}`;
    const [docs, upload] = await Promise.all([
      listDocuments(deps, p.owner, p.owner.part),
      p.open ? prepareUpload(deps, p.owner, p.person.id, back) : undefined,
    ]);
    const q = event.queryStringParameters ?? {};
    const refused = REFUSALS.includes(q.refused ?? '') ? (q.refused as UploadRefusal) : undefined;
    return partnerDocumentsPage({
      lang: p.person.lang,
      roundTitle: p.round.title,
      request: p.round.request,
      token,
      docs,
      form: upload?.form,
      added: q.added === '1',
      refused: refused && refusalMessage(refused, p.person.lang),
    });
  },
  'GET /u/{token}/documents/done': async (event) => {
    const token = event.pathParameters?.token ?? '';
    const p = await partner(token);
    if (!p) return page(404, invalidLinkPage());
    const result = await confirmUpload(documentDeps(), event.queryStringParameters?.ticket ?? '', p.owner);
    const query = result.kind === 'refused' ? `refused=${result.reason}` : 'added=1';
    return {
      statusCode: 303,
      headers: { location: `/u/${token}/documents?${query}`, 'cache-control': 'no-store' },
      body: '',
    };
  },
  'GET /u/{token}/documents/{id}': async (event) => {
    const { token = '', id = '' } = event.pathParameters ?? {};
    const p = await partner(token);
    if (!p) return page(404, invalidLinkPage());
    return redirect(await openDocument(documentDeps(), p.owner, id, 'inline'));
  },
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
    // A tampered or foreign upload ticket: nothing was kept.
    if (err instanceof ValidationError) return page(400, invalidLinkPage());
    throw err;
  }
}

export const handler = middy<HttpEvent, HttpResult>().use(unavailablePages(unavailablePage)).handler(handle);
