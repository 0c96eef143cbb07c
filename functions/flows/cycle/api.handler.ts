/**
 * The programme office's API for cycles: start one from a template, read, list, change a phase,
 * cancel; and the templates to start from. Shapes are checked by zod with the shared field messages
 * (platform/validation.ts); what the template or plan refuses comes as the cycle's own refusals,
 * Dutch unless the caller asks for English first (Accept-Language), as the API's timeline labels.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { CYCLE_STATUSES } from './cycle';
import { cycleDeps, pageCycles } from './deps';
import { linkKeys } from '../../engine/deps';
import { apiPage, type ListParams, pageFields } from '../../platform/list-query';
import { createCycle } from './office';
import { addCyclePhase, cancelCycle, changePhase, markPhaseDone } from './office-changes';
import { CycleConflict, CycleRefused } from './refused';
import { AddPhaseRequest, CancelCycle, ChangePhaseRequest, CreateCycle, MarkPhaseDone } from './schemas';
import { cycleView, readCycle, templateViews } from './views';
import { apiLang } from '../../engine/timeline-labels';
import { ConflictError, ValidationError } from '../../platform/errors';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import { parse } from '../../platform/validation';

const ListQuery = z.strictObject({ status: z.optional(z.enum(CYCLE_STATUSES)), ...pageFields });

const path = (event: HttpEvent, name: string) => event.pathParameters![name]!;

/** A changed cycle as read back, with its version as ETag (the `version` the next change sends). */
const changed = (status: number, cycle: Parameters<typeof cycleView>[0]) => {
  const res = json(status, cycleView(cycle, cycleDeps().now()));
  return { ...res, headers: { ...res.headers, etag: `"${cycle.version}"` } };
};

const routes: RouteTable<'cyclesApi'> = {
  'GET /api/cycle-templates': async () => json(200, { templates: templateViews(cycleDeps().templates) }),
  'POST /api/cycles': async (event, context) => {
    const input = parse(CreateCycle, jsonBody(event));
    const who = actor(event);
    const key = idempotencyKey(event);
    const create = async () => changed(201, await createCycle(cycleDeps(), input, who, { idempotencyKey: key }));
    return once('cycles', key, who, input, context, create);
  },
  'GET /api/cycles': async (event) => {
    const { status, ...query } = parse(ListQuery, event.queryStringParameters ?? {});
    const read = (p: ListParams) => pageCycles({ ...p, statuses: status ? [status] : undefined });
    const { rows, ...cursors } = await apiPage(await linkKeys(), 'cycles', query, { status }, read);
    const now = cycleDeps().now();
    return json(200, { cycles: rows.map((c) => cycleView(c, now)), ...cursors });
  },
  'GET /api/cycles/{id}': async (event) => {
    const cycle = await readCycle(cycleDeps(), path(event, 'id'), apiLang(event.headers?.['accept-language']));
    const res = json(200, cycle);
    return { ...res, headers: { ...res.headers, etag: `"${cycle.version}"` } };
  },
  'POST /api/cycles/{id}/phases/{key}': async (event) => {
    const req = parse(ChangePhaseRequest, jsonBody(event));
    return changed(200, await changePhase(cycleDeps(), path(event, 'id'), path(event, 'key'), req, actor(event)));
  },
  'POST /api/cycles/{id}/phases/{key}/done': async (event) => {
    const req = parse(MarkPhaseDone, jsonBody(event));
    return changed(200, await markPhaseDone(cycleDeps(), path(event, 'id'), path(event, 'key'), req, actor(event)));
  },
  'POST /api/cycles/{id}/phases': async (event) => {
    const req = parse(AddPhaseRequest, jsonBody(event));
    return changed(201, await addCyclePhase(cycleDeps(), path(event, 'id'), req, actor(event)));
  },
  'POST /api/cycles/{id}/cancel': async (event) => {
    const req = parse(CancelCycle, jsonBody(event));
    return changed(200, await cancelCycle(cycleDeps(), path(event, 'id'), req, actor(event)));
  },
};

/** The cycle's own refusals and conflicts in the caller's language, for the one error map. */
function inLanguage(err: unknown, event: HttpEvent): unknown {
  const en = apiLang(event.headers?.['accept-language']) === 'en';
  if (err instanceof CycleRefused) return new ValidationError(en ? err.en : err.fields);
  if (err instanceof CycleConflict) return new ConflictError(en ? err.en : err.nl);
  return err;
}

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  if (!route) return json(404, { message: `No route ${event.routeKey}` });
  try {
    return await route(event, context);
  } catch (err) {
    throw inLanguage(err, event);
  }
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
