/**
 * The programme office's API for approval rounds. Each route validates its input, calls one
 * service and maps the result; errors are answered in lib/http-errors.
 */
import middy from '@middy/core';
import { z } from 'zod';
import { currentTally, pendingApprovers, type Round } from '../domain/round';
import { approvalsNeeded } from '../domain/rules';
import { isIsoDateTimeWithOffset, isIsoDuration } from '../domain/time';
import { ValidationError } from '../domain/errors';
import { cancelApprovalRound, createApprovalRound, extendDeadline, loadRound, remindNow } from '../services/rounds';
import { roundDeps } from '../lib/deps';
import { httpErrors } from '../lib/http-errors';
import { actor, json, jsonBody, type HttpEvent, type HttpResult } from '../lib/http';

const isoWithOffset = z.string().refine(isIsoDateTimeWithOffset, 'use an ISO-8601 date and time with offset, e.g. 2026-09-24T17:00:00+02:00');

const RuleInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('majority'), quorum: z.number().gt(0).lte(1).optional() }).strict(),
  z.object({ type: z.literal('unanimous') }).strict(),
  z.object({ type: z.literal('consent') }).strict(),
  z.object({ type: z.literal('consensus-then-majority'), consentDeadline: isoWithOffset, quorum: z.number().gt(0).lte(1).optional() }).strict(),
  z.object({ type: z.literal('first-response') }).strict(),
]);

const CreateRound = z.object({
  title: z.string().trim().min(3).max(200),
  summary: z.string().trim().min(1).max(5000),
  documents: z.array(z.object({ title: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }) }).strict()).max(20).default([]),
  bodyId: z.string().min(1).optional(),
  approverIds: z.array(z.string().min(1)).min(1).max(500).optional(),
  rule: RuleInput,
  deadline: isoWithOffset,
  reminders: z.array(z.string().refine(isIsoDuration, 'use an ISO-8601 duration such as P3D or PT12H')).max(10).default([]),
}).strict().refine((v) => Boolean(v.bodyId) !== Boolean(v.approverIds), { message: 'give either bodyId or approverIds, not both', path: ['bodyId'] });

const Extend = z.object({ deadline: isoWithOffset }).strict();
const Cancel = z.object({ reason: z.string().trim().min(3).max(1000) }).strict();
const ListQuery = z.object({ status: z.enum(['open', 'closed']).optional() });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message;
  throw new ValidationError(fields);
}

/** The round as the programme office sees it: everything except links and workflow tokens. */
function roundView(round: Round) {
  const tally = currentTally(round);
  return {
    id: round.id, title: round.title, summary: round.summary, documents: round.documents, bodyId: round.bodyId,
    rule: round.rule, deadline: round.deadline, reminders: round.reminders, status: round.status, outcome: round.outcome ?? null,
    stage: round.stage, createdAt: round.createdAt, createdBy: round.createdBy, closedAt: round.closedAt ?? null,
    cancelReason: round.cancelReason ?? null,
    tally: { ...tally, approvalsNeeded: approvalsNeeded(tally) },
    stages: round.stages,
    approvers: round.approverIds.map((id) => {
      const v = round.votes[id];
      return { personId: id, state: v ? 'responded' : 'pending', choice: v?.choice ?? null, reason: v?.reason ?? null, comment: v?.comment ?? null, at: v?.at ?? null, changes: v?.changes ?? 0 };
    }),
    pending: pendingApprovers(round),
  };
}

const routes: Record<string, (event: HttpEvent) => Promise<HttpResult>> = {
  'POST /api/rounds': async (event) => {
    const input = parse(CreateRound, jsonBody(event));
    return json(201, roundView(await createApprovalRound(roundDeps(), input, actor(event))));
  },
  'GET /api/rounds': async (event) => {
    const { status } = parse(ListQuery, event.queryStringParameters ?? {});
    const rounds = await roundDeps().rounds.list(status);
    return json(200, { rounds: rounds.map(roundView) });
  },
  'GET /api/rounds/{id}': async (event) => {
    const deps = roundDeps();
    const round = await loadRound(deps, event.pathParameters!.id!);
    return json(200, { ...roundView(round), timeline: await deps.rounds.listAudit(round.id) });
  },
  'POST /api/rounds/{id}/remind': async (event) => json(200, await remindNow(roundDeps(), event.pathParameters!.id!, actor(event))),
  'POST /api/rounds/{id}/extend': async (event) => {
    const { deadline } = parse(Extend, jsonBody(event));
    return json(200, roundView(await extendDeadline(roundDeps(), event.pathParameters!.id!, deadline, actor(event))));
  },
  'POST /api/rounds/{id}/cancel': async (event) => {
    const { reason } = parse(Cancel, jsonBody(event));
    return json(200, roundView(await cancelApprovalRound(roundDeps(), event.pathParameters!.id!, reason, actor(event))));
  },
};

export const ROUNDS_API_ROUTES = Object.keys(routes);

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routes[event.routeKey];
  if (!route) return json(404, { message: `No route ${event.routeKey}` });
  return route(event);
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
