/** The programme office's API for action items (follow-ups). */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { followUpDeps, pageFollowUps } from './deps';
import { linkKeys } from '../../engine/deps';
import { apiPage, type ListParams, pageFields } from '../../platform/list-query';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import type { Context } from 'aws-lambda';
import { CreateFollowUp, SteerFollowUp } from './schemas';
import { parse } from '../../platform/validation';
import { createFollowUp, loadItem, steerFollowUp } from './use-cases';
import { apiLang, labelled, FOLLOW_UP_LABELS } from '../../engine/timeline-labels';

const ListQuery = z.strictObject({
  status: z.optional(z.enum(['open', 'blocked', 'awaiting-approval', 'done', 'returned', 'cancelled'])),
  ...pageFields,
});

const routes: RouteTable<'followUpsApi'> = {
  'POST /api/follow-ups': async (event, context) => {
    const input = parse(CreateFollowUp, jsonBody(event));
    const who = actor(event);
    const key = idempotencyKey(event);
    const create = async () => json(201, await createFollowUp(followUpDeps(), input, who, { idempotencyKey: key }));
    return once('follow-ups', key, who, input, context, create);
  },
  'GET /api/follow-ups': async (event) => {
    const { status, ...query } = parse(ListQuery, event.queryStringParameters ?? {});
    const read = (p: ListParams) => pageFollowUps({ ...p, statuses: status ? [status] : undefined });
    const { rows, ...cursors } = await apiPage(await linkKeys(), 'follow-ups', query, { status }, read);
    return json(200, { followUps: rows, ...cursors });
  },
  'POST /api/follow-ups/{id}/steer': async (event) =>
    json(
      200,
      await steerFollowUp(
        followUpDeps(),
        event.pathParameters!.id!,
        parse(SteerFollowUp, jsonBody(event)),
        actor(event),
      ),
    ),
  'GET /api/follow-ups/{id}': async (event) => {
    const deps = followUpDeps();
    const item = await loadItem(deps, event.pathParameters!.id!);
    const timeline = await deps.items.listAudit(item.id);
    const lang = apiLang(event.headers?.['accept-language']);
    return json(200, { ...item, timeline: labelled(FOLLOW_UP_LABELS, timeline, lang) });
  },
};

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  return route ? route(event, context) : json(404, { message: `No route ${event.routeKey}` });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
