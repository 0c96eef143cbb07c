/**
 * The programme office's API for documents. A file goes in three steps: `POST /api/documents/uploads`
 * (what it is for, its type and size) answers an S3 form and a ticket; the client posts the file to
 * S3 with that form (adding `Content-Type`, `x-amz-meta-filename` percent-encoded, and `file` last);
 * `POST /api/documents/confirm` with the ticket checks what S3 holds and keeps the record, or deletes
 * the file and says why (400). Reading: a list per owner, and one document as a redirect to a fresh
 * short-lived S3 link.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { documentDeps } from './deps';
import { OWNER_KINDS } from './document';
import { checkOwner } from './owners';
import { refusalMessage } from './texts';
import { checkDeclared, confirmUpload, listDocuments, openDocument, ownerOf, prepareUpload } from './use-cases';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { parse } from '../../platform/validation';

const NewUpload = z.strictObject({
  ownerKind: z.enum(OWNER_KINDS),
  ownerId: z.string(),
  part: z.optional(z.string()),
  contentType: z.string(),
  size: z.number().check(z.int(), z.positive()),
});
const Confirm = z.strictObject({ ticket: z.string().check(z.maxLength(2048)) });
const ListQuery = z.strictObject({ ownerKind: z.enum(OWNER_KINDS), ownerId: z.string(), part: z.optional(z.string()) });

const routes: RouteTable<'documentsApi'> = {
  'POST /api/documents/uploads': async (event) => {
    const req = parse(NewUpload, jsonBody(event));
    checkDeclared(req);
    const owner = ownerOf(req.ownerKind, req.ownerId, req.part);
    await checkOwner(owner);
    const { id, ticket, form } = await prepareUpload(documentDeps(), owner, actor(event));
    return json(201, { id, ticket, upload: form });
  },
  'POST /api/documents/confirm': async (event) => {
    const { ticket } = parse(Confirm, jsonBody(event));
    const result = await confirmUpload(documentDeps(), ticket);
    if (result.kind === 'refused')
      return json(400, { message: refusalMessage(result.reason, 'en'), reason: result.reason });
    return json(201, { document: result.document });
  },
  'GET /api/documents': async (event) => {
    const q = parse(ListQuery, event.queryStringParameters ?? {});
    const owner = ownerOf(q.ownerKind, q.ownerId, q.part);
    return json(200, { documents: await listDocuments(documentDeps(), owner, q.part) });
  },
  'GET /api/documents/{kind}/{ownerId}/{id}': async (event) => {
    const p = event.pathParameters ?? {};
    const owner = ownerOf(p.kind ?? '', p.ownerId ?? '');
    const url = await openDocument(documentDeps(), owner, p.id ?? '');
    return { statusCode: 302, headers: { location: url, 'cache-control': 'no-store' }, body: '' };
  },
};

async function handle(event: HttpEvent, _context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  if (!route) return json(404, { message: `No route ${event.routeKey}` });
  return route(event);
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
