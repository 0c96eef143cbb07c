/** GET /api/bodies and GET /api/people: whom a round can address. */
import middy from '@middy/core';
import { directoryStore } from '../lib/deps';
import { httpErrors } from '../lib/http-errors';
import { json, type HttpEvent, type HttpResult } from '../lib/http';

async function handle(event: HttpEvent): Promise<HttpResult> {
  const directory = directoryStore();
  if (event.routeKey === 'GET /api/bodies') {
    const [bodies, people] = await Promise.all([directory.listBodies(), directory.listPeople()]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return json(200, { bodies: bodies.map((b) => ({ ...b, members: b.members.map((m) => ({ ...m, name: names.get(m.personId) })) })) });
  }
  if (event.routeKey === 'GET /api/organisations') return json(200, { organisations: await directory.listOrganisations() });
  return json(200, { people: await directory.listPeople() });
}

export const handler = middy<HttpEvent, HttpResult>().use(httpErrors()).handler(handle);
