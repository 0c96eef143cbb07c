/**
 * One route table: the wiring declares every route once, and each API handler's route table is typed
 * against it. The type check (`tsc` in `npm test`) fails when a declared route has no handler or a
 * handler serves a route the wiring does not declare; the @ts-expect-error lines below prove both.
 * The console's pages are in the same table; at run time, its handler serves exactly those routes.
 */
import { describe, expect, it } from 'vitest';
import { routeKey, routes, type RouteKeyOf } from '../../infra/wiring';
import { json, routeIn, type RouteTable } from '../../functions/platform/http';
import { consoleRouteKeys } from '../../functions/flows/console/app';
import { calendarRouteKeys } from '../../functions/flows/console/calendar.handler';
import { consultationRouteKeys } from '../../functions/flows/console/consultations.handler';
import { cycleRouteKeys } from '../../functions/flows/console/cycles.handler';
import { overviewRouteKeys } from '../../functions/flows/console/overview.handler';
import { listRouteKeys } from '../../functions/flows/console/lists.handler';
import { meetingChangeRouteKeys } from '../../functions/flows/console/meeting-changes.handler';
import { meetingRouteKeys } from '../../functions/flows/console/meetings.handler';
import { documentRouteKeys } from '../../functions/flows/console/documents.handler';
import { eventRouteKeys } from '../../functions/flows/console/events.handler';
import type { Handler, SignedInRoutes } from '../../functions/flows/console/http';
import { matchRoute, routeMatcher } from '../../local/http-server';

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

describe('the console', () => {
  const page: Handler = async () => ({ status: 200, body: '' });
  const consoleWiring = routes.filter((r) => r.fn === 'console').map(routeKey);

  it('types its two tables against the wiring: open routes apart from those behind the sign-in', () => {
    // @ts-expect-error a declared console route without a handler
    const missing: SignedInRoutes = { 'GET /console': page };
    const extra = {
      // @ts-expect-error a handler for a console route the wiring does not declare
      'GET /console/reports': page,
    } satisfies Partial<SignedInRoutes>;
    const wrongTable = {
      // @ts-expect-error an open (public) route cannot sit among the routes behind the sign-in
      'GET /console/sign-in': page,
    } satisfies Partial<SignedInRoutes>;
    const key: RouteKeyOf<'console', 'session'> = 'POST /console/rounds/{id}/extend';
    expect([missing, extra, wrongTable, key]).toHaveLength(4);
  });

  it("serves exactly the wiring's console routes, each once", () => {
    expect([...consoleRouteKeys].sort()).toEqual([...consoleWiring].sort());
    expect(new Set(consoleRouteKeys).size).toBe(consoleRouteKeys.length);
  });

  it("serves the cycle pages from their own function, exactly the wiring's routes for it, all behind the sign-in", () => {
    const wired = routes.filter((r) => r.fn === 'cycleConsole');
    expect([...cycleRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    expect(wired.every((r) => r.auth === 'session' && r.path.startsWith('/console/cycles'))).toBe(true);
  });

  it("serves the overview from its own function, exactly the wiring's route for it, behind the sign-in", () => {
    const wired = routes.filter((r) => r.fn === 'overviewConsole');
    expect([...overviewRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    expect(wired.map(routeKey)).toEqual(['GET /console']);
    expect(wired.every((r) => r.auth === 'session')).toBe(true);
  });

  it("serves the calendar from its own function, exactly the wiring's routes for it, behind the sign-in", () => {
    const wired = routes.filter((r) => r.fn === 'calendarConsole');
    expect([...calendarRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    const pages = wired.filter((r) => r.auth === 'session');
    expect(pages.every((r) => r.path.startsWith('/console/calendar'))).toBe(true);
    // Only its stylesheet comes before the sign-in.
    expect(wired.filter((r) => r.auth !== 'session').map(routeKey)).toEqual(['GET /console/assets/calendar.css']);
  });

  it("serves the lists from their own function, exactly the wiring's routes for it, all behind the sign-in", () => {
    const wired = routes.filter((r) => r.fn === 'listConsole');
    expect([...listRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    expect(wired.map(routeKey).sort()).toEqual(
      ['bodies', 'follow-ups', 'input-rounds', 'partners', 'people', 'rounds'].map((l) => `GET /console/${l}`),
    );
    expect(wired.every((r) => r.auth === 'session')).toBe(true);
  });

  it("serves the meeting pages from their own function, exactly the wiring's routes for it, all behind the sign-in", () => {
    const wired = routes.filter((r) => r.fn === 'meetingConsole' || r.fn === 'meetingChangeConsole');
    expect([...meetingRouteKeys, ...meetingChangeRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    expect(meetingChangeRouteKeys.every((k) => k.includes('/meetings/{key}'))).toBe(true);
    expect(wired.every((r) => r.auth === 'session' && /^\/console\/meeting(s|-series)(\/|$)/.test(r.path))).toBe(true);
  });

  it("serves the document pages from their own function, exactly the wiring's routes for it", () => {
    const wired = routes.filter((r) => r.fn === 'documentConsole');
    expect([...documentRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    expect(wired.filter((r) => r.auth !== 'session').map((r) => r.path)).toEqual(['/console/assets/documents.js']);
  });

  it("serves the event pages from their own function, exactly the wiring's routes for it, all behind the sign-in", () => {
    const wired = routes.filter((r) => r.fn === 'eventConsole');
    expect([...eventRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    expect(wired.every((r) => r.auth === 'session' && r.path.startsWith('/console/events'))).toBe(true);
  });

  it("serves the consultation pages from their own function, exactly the wiring's routes for it, behind the sign-in", () => {
    const wired = routes.filter((r) => r.fn === 'consultationConsole');
    expect([...consultationRouteKeys].sort()).toEqual(wired.map(routeKey).sort());
    expect(wired.every((r) => r.auth === 'session' && r.path.startsWith('/console/consultations'))).toBe(true);
  });

  it('matches the most specific route, as API Gateway does, whatever the order of declaration', () => {
    const spec = (path: string) => ({ method: 'GET', path, fn: 'console', auth: 'session' }) as const;
    const match = routeMatcher([spec('/console/{proxy+}'), spec('/console/rounds/{id}'), spec('/console/rounds/new')]);
    const at = (path: string) => {
      const m = match('GET', path);
      return m && m !== 'bad-path' ? [m.route.path, m.pathParameters] : m;
    };
    expect(at('/console/rounds/new')).toEqual(['/console/rounds/new', {}]);
    expect(at('/console/rounds/r-1')).toEqual(['/console/rounds/{id}', { id: 'r-1' }]);
    expect(at('/console/rounds/r-1/x')).toEqual(['/console/{proxy+}', { proxy: 'rounds/r-1/x' }]);
    expect(at('/console')).toBeNull();
    for (const key of consoleWiring) {
      const [method, path] = key.split(' ');
      if (path.includes('{')) continue;
      expect(matchRoute(method, path), key).toMatchObject({ route: { method, path } });
    }
  });
});
