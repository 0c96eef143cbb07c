/**
 * One route table: the wiring declares every route once, and each API handler's route table is typed
 * against it. The type check (`tsc` in `npm test`) fails when a declared route has no handler or a
 * handler serves a route the wiring does not declare; the @ts-expect-error lines below prove both.
 */
import { expect, it } from 'vitest';
import type { RouteKeyOf } from '../../infra/wiring';
import { json, routeIn, type RouteTable } from '../../functions/platform/http';

const answer = async () => json(200, {});
const table: RouteTable<'directoryApi'> = {
  'GET /api/bodies': answer,
  'GET /api/people': answer,
  'GET /api/organisations': answer,
  'GET /api/people/{id}/export': answer,
  'POST /api/people/{id}/erase': answer,
};

it('types a handler table against the routes the wiring gives its function', () => {
  // @ts-expect-error a route the wiring declares for the function is missing
  const missing: RouteTable<'directoryApi'> = { 'GET /api/bodies': answer };
  const extra: RouteTable<'directoryApi'> = {
    ...table,
    // @ts-expect-error a route the wiring does not declare for the function
    'GET /api/rounds': answer,
  };
  const key: RouteKeyOf<'roundsApi'> = 'POST /api/rounds/{id}/cancel';
  expect([missing, extra, key]).toHaveLength(3);
});

it("finds only the table's own routes, never what every object inherits", () => {
  expect(routeIn(table, 'GET /api/bodies')).toBe(answer);
  expect(routeIn(table, 'constructor')).toBeUndefined();
  expect(routeIn(table, '__proto__')).toBeUndefined();
  expect(routeIn(table, 'GET /api/nope')).toBeUndefined();
});
