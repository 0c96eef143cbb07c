/**
 * Whom a round can address (GET /api/bodies, /api/people, /api/organisations: a page at a time, by
 * name, with `limit`, `cursor` and `q`), and personal data per person: GET /api/people/{id}/export
 * and POST /api/people/{id}/erase (AVG/GDPR).
 */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { directoryStore, linkKeys, pageDirectory } from '../../engine/deps';
import { listParams, pageCursors, pageFields } from '../../platform/list-query';
import { parse } from '../../platform/validation';
import { DynamoPersonalMail } from '../../engine/personal-mail-store';
import { config } from '../../platform/config';
import { roundDeps } from '../approval-round';
import { DynamoEventStore } from '../event';
import { consultationStore } from '../consultation';
import { DynamoInputRoundStore } from '../input-round';
import { httpErrors } from '../../platform/http-errors';
import { json, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import type { Body, Organisation, Person } from '../../engine/directory';
import { erasePersonalData, exportPersonalData } from './personal-data';

/**
 * What the export and the erasure read and change: rounds, input rounds, event registrations,
 * consultation answers, the directory and the mail outbox.
 */
const personalDataDeps = () => ({
  ...roundDeps(),
  directory: directoryStore(),
  personalMail: new DynamoPersonalMail(config().tableName),
  inputs: new DynamoInputRoundStore(config().tableName),
  events: new DynamoEventStore(config().tableName),
  consultations: consultationStore(),
});

const ListQuery = z.strictObject(pageFields);

/** One page of a kind of the directory, by name; the cursor is bound to the list and the search. */
async function directoryPage<T extends Person | Body | Organisation>(
  event: HttpEvent,
  list: string,
  kind: 'person' | 'body' | 'org',
) {
  const query = parse(ListQuery, event.queryStringParameters ?? {});
  const keys = await linkKeys();
  const params = listParams(keys, list, query);
  return { params, keys, page: await pageDirectory<T>(kind, params) };
}

const routes: RouteTable<'directoryApi'> = {
  'GET /api/bodies': async (event) => {
    const { params, keys, page } = await directoryPage<Body>(event, 'bodies', 'body');
    const memberIds = page.rows.flatMap((b) => b.members.map((m) => m.personId));
    const names = new Map((await directoryStore().getPeople(memberIds)).map((p) => [p.id, p.name]));
    return json(200, {
      bodies: page.rows.map((b) => ({
        ...b,
        members: b.members.map((m) => ({ ...m, name: names.get(m.personId) ?? null })),
      })),
      ...pageCursors(keys, params, page),
    });
  },
  'GET /api/people': async (event) => {
    const { params, keys, page } = await directoryPage<Person>(event, 'people', 'person');
    const people = page.rows.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      kind: p.kind,
      organisationId: p.organisationId ?? null,
      active: p.active,
      lang: p.lang,
    }));
    return json(200, { people, ...pageCursors(keys, params, page) });
  },
  'GET /api/organisations': async (event) => {
    const { params, keys, page } = await directoryPage<Organisation>(event, 'organisations', 'org');
    return json(200, { organisations: page.rows, ...pageCursors(keys, params, page) });
  },
  'GET /api/people/{id}/export': async (event) => {
    const data = await exportPersonalData(personalDataDeps(), event.pathParameters!.id!);
    return {
      ...json(200, data),
      headers: {
        ...json(200, {}).headers,
        'content-disposition': `attachment; filename="persoonsgegevens-${data.person.id}.json"`,
      },
    };
  },
  'POST /api/people/{id}/erase': async (event) =>
    json(200, {
      person: await erasePersonalData(personalDataDeps(), event.pathParameters!.id!),
    }),
};

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  return route ? route(event) : json(404, { message: `No route ${event.routeKey}` });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
