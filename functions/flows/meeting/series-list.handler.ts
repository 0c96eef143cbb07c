/**
 * GET /api/meeting-series: the series a page at a time (`limit`, `cursor`, `q` on the title, `status`),
 * newest first within each status; GET /api/meetings/{id}: one meeting with its record. A function of
 * its own so the meetings API's bundle stays within issue #12's 250 KB.
 */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { linkKeys } from '../../engine/deps';
import { httpErrors } from '../../platform/http-errors';
import { json, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { apiPage, type ListParams, pageFields } from '../../platform/list-query';
import { parse } from '../../platform/validation';
import { meetingDeps, pageSeries } from './deps';
import { loadMeeting } from './use-cases';
import { apiLang, labelled, MEETING_LABELS } from '../../engine/timeline-labels';

const SeriesQuery = z.strictObject({ status: z.optional(z.enum(['active', 'stopped'])), ...pageFields });

const routes: RouteTable<'seriesListApi'> = {
  'GET /api/meeting-series': async (event) => {
    const { status, ...query } = parse(SeriesQuery, event.queryStringParameters ?? {});
    const read = (p: ListParams) => pageSeries({ ...p, statuses: status ? [status] : undefined });
    const { rows, ...cursors } = await apiPage(await linkKeys(), 'meeting-series', query, { status }, read);
    return json(200, { series: rows, ...cursors });
  },
  'GET /api/meetings/{id}': async (event) => {
    // Reads only: no calendar mail to compose.
    const deps = meetingDeps();
    const m = await loadMeeting(deps, event.pathParameters!.id!);
    const timeline = await deps.meetings.listAudit(m.id);
    const lang = apiLang(event.headers?.['accept-language']);
    return json(200, { ...m, timeline: labelled(MEETING_LABELS, timeline, lang) });
  },
};

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  return route ? route(event) : json(404, { message: `No route ${event.routeKey}` });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
