/**
 * Whom a round can address (GET /api/bodies, /api/people, /api/organisations), and personal
 * data per person: GET /api/people/{id}/export and POST /api/people/{id}/erase (AVG/GDPR).
 */
import middy from '@middy/core';
import { directoryStore } from '../../engine/deps';
import { DynamoPersonalMail } from '../../engine/personal-mail-store';
import { config } from '../../platform/config';
import { roundDeps } from '../approval-round';
import { consultationStore } from '../consultation';
import { DynamoInputRoundStore } from '../input-round';
import { httpErrors } from '../../platform/http-errors';
import { json, type HttpEvent, type HttpResult, routeIn, type RouteTable } from '../../platform/http';
import { erasePersonalData, exportPersonalData } from './personal-data';

/** What the export and the erasure read and change: rounds, input rounds, consultation answers, the directory and the mail outbox. */
const personalDataDeps = () => ({
  ...roundDeps(),
  directory: directoryStore(),
  personalMail: new DynamoPersonalMail(config().tableName),
  inputs: new DynamoInputRoundStore(config().tableName),
  consultations: consultationStore(),
});

const routes: RouteTable<'directoryApi'> = {
  'GET /api/bodies': async () => {
    const directory = directoryStore();
    const [bodies, people] = await Promise.all([directory.listBodies(), directory.listPeople()]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return json(200, {
      bodies: bodies.map((b) => ({
        ...b,
        members: b.members.map((m) => ({ ...m, name: names.get(m.personId) ?? null })),
      })),
    });
  },
  'GET /api/people': async () => json(200, { people: await directoryStore().listPeople() }),
  'GET /api/organisations': async () => json(200, { organisations: await directoryStore().listOrganisations() }),
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
