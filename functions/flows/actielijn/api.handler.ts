/**
 * The programme office's API for actielijnen: create (with an Idempotency-Key), list, read, change
 * fields on the version read, and write a new current state. Shapes are checked by zod with the
 * shared field messages (platform/validation.ts); errors map to 400/404/409 as on every route.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { ACTIELIJN_STATUSES, type Actielijn } from './actielijn';
import { actielijnDeps, pageActielijnen } from './deps';
import { linkKeys } from '../../engine/deps';
import { apiPage, type ListParams, pageFields } from '../../platform/list-query';
import { AddState, CreateActielijn, UpdateActielijn } from './schemas';
import { addState, createActielijn, readActielijn, updateActielijn } from './use-cases';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import { parse } from '../../platform/validation';

const ListQuery = z.strictObject({ status: z.optional(z.enum(ACTIELIJN_STATUSES)), ...pageFields });

const path = (event: HttpEvent) => event.pathParameters!.id!;

/** Without the request's hash; its version as ETag (the `version` the next change sends). */
function answer(status: number, a: Actielijn & { timeline?: unknown }): HttpResult {
  const { requestHash: _, ...view } = a;
  const res = json(status, view);
  return { ...res, headers: { ...res.headers, etag: `"${a.version}"` } };
}

const routes: RouteTable<'actielijnenApi'> = {
  'POST /api/actielijnen': async (event, context) => {
    const input = parse(CreateActielijn, jsonBody(event));
    const who = actor(event);
    const key = idempotencyKey(event);
    const create = async () => answer(201, await createActielijn(actielijnDeps(), input, who, { idempotencyKey: key }));
    return once('actielijnen', key, who, input, context, create);
  },
  'GET /api/actielijnen': async (event) => {
    const { status, ...query } = parse(ListQuery, event.queryStringParameters ?? {});
    const read = (p: ListParams) => pageActielijnen({ ...p, statuses: status ? [status] : undefined });
    const { rows, ...cursors } = await apiPage(await linkKeys(), 'actielijnen', query, { status }, read);
    return json(200, { actielijnen: rows.map(({ requestHash: _, ...a }) => a), ...cursors });
  },
  'GET /api/actielijnen/{id}': async (event) => answer(200, await readActielijn(actielijnDeps(), path(event))),
  'POST /api/actielijnen/{id}': async (event) => {
    const req = parse(UpdateActielijn, jsonBody(event));
    return answer(200, await updateActielijn(actielijnDeps(), path(event), req, actor(event)));
  },
  'POST /api/actielijnen/{id}/state': async (event) => {
    const req = parse(AddState, jsonBody(event));
    return answer(200, await addState(actielijnDeps(), path(event), req, actor(event)));
  },
};

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  if (!route) return json(404, { message: `No route ${event.routeKey}` });
  return route(event, context);
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
