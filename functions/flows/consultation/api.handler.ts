/**
 * The programme office's API for consultations: create (with an Idempotency-Key), list, read one
 * with its answers (contact details included: the office's own view), publish the summary and what
 * was done with it. Shapes are checked by zod; errors map to 400/404/409 as on every route.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { CONSULTATION_STATUSES } from './consultation';
import { consultationDeps } from './deps';
import { CreateConsultation, PublishOutcome, PublishSummary } from './schemas';
import { createConsultation, listConsultations, publishOutcome, publishSummary, readConsultation } from './use-cases';
import { httpErrors } from '../../platform/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { idempotencyKey, once } from '../../platform/idempotency';
import { parse } from '../../platform/validation';

const ListQuery = z.strictObject({ status: z.optional(z.enum(CONSULTATION_STATUSES)) });
const path = (event: HttpEvent) => event.pathParameters!.id!;
const view = <T extends { requestHash?: string }>({ requestHash: _, ...rest }: T) => rest;

const routes: RouteTable<'consultationsApi'> = {
  'POST /api/consultations': async (event, context) => {
    const input = parse(CreateConsultation, jsonBody(event));
    const who = actor(event);
    const key = idempotencyKey(event);
    const create = async () =>
      json(201, view(await createConsultation(consultationDeps(), input, who, { idempotencyKey: key })));
    return once('consultations', key, who, input, context, create);
  },
  'GET /api/consultations': async (event) => {
    const { status } = parse(ListQuery, event.queryStringParameters ?? {});
    return json(200, { consultations: (await listConsultations(consultationDeps(), status)).map(view) });
  },
  'GET /api/consultations/{id}': async (event) =>
    json(200, view(await readConsultation(consultationDeps(), path(event)))),
  'POST /api/consultations/{id}/summary': async (event) => {
    const req = parse(PublishSummary, jsonBody(event));
    const { consultation, mailed } = await publishSummary(consultationDeps(), path(event), req, actor(event));
    return json(200, { ...view(consultation), mailed });
  },
  'POST /api/consultations/{id}/outcome': async (event) => {
    const req = parse(PublishOutcome, jsonBody(event));
    const { consultation, mailed } = await publishOutcome(consultationDeps(), path(event), req, actor(event));
    return json(200, { ...view(consultation), mailed });
  },
};

async function handle(event: HttpEvent, context?: Context): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  if (!route) return json(404, { message: `No route ${event.routeKey}` });
  return route(event, context);
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
