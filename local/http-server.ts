/**
 * The HTTP API and pages in local mode: each request becomes an API Gateway HTTP API (v2)
 * event for the same handler module that runs in Lambda. This adapter plays API Gateway's
 * part, including the authorizer (a bearer token instead of Cognito), and nothing more.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Duration } from 'luxon';
import { addIsoDuration } from '../functions/platform/time';
import { routeKey, routes, type RouteSpec } from '../infra/wiring';
import type { LocalClock } from './clock';
import { invokeFunction } from './lambda';

const MAX_MOVE_MS = 5 * 366 * 86400_000;

interface CompiledRoute {
  spec: RouteSpec;
  pattern: RegExp;
  params: string[];
}

function compile(spec: RouteSpec): CompiledRoute {
  const params: string[] = [];
  // {name} matches one segment, {name+} the rest of the path (API Gateway's greedy parameter).
  const pattern = new RegExp(
    `^${spec.path.replace(/\{(\w+)(\+?)\}/g, (_, p, greedy) => (params.push(p), greedy ? '(.+)' : '([^/]+)'))}$`,
  );
  return { spec, pattern, params };
}

// API Gateway picks the most specific route, whatever the order of declaration: segment by segment,
// a static segment wins over {name}, and {name} over the greedy {name+}.
const rank = (segment: string) => (segment.endsWith('+}') ? 2 : segment.startsWith('{') ? 1 : 0);
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const x = a.spec.path.split('/').map(rank);
  const y = b.spec.path.split('/').map(rank);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** The route a request takes among `specs`, with its decoded path parameters, as API Gateway matches it. */
export function routeMatcher(specs: readonly RouteSpec[]) {
  const compiled = specs.map(compile).sort(bySpecificity);
  return (method: string, path: string) => {
    for (const r of compiled) {
      if (r.spec.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      try {
        return {
          route: r.spec,
          pathParameters: Object.fromEntries(r.params.map((p, i) => [p, decodeURIComponent(m[i + 1])])),
        };
      } catch {
        return 'bad-path' as const; // malformed percent-encoding: API Gateway answers 400 too
      }
    }
    return null;
  };
}

export const matchRoute = routeMatcher(routes);

function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(Object.assign(new Error('too large'), { status: 413 }));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface HttpServerOptions {
  port: number;
  officeToken: string;
  clock: LocalClock;
  whenIdle: () => Promise<void>;
  homePage: () => string;
  /** Local-only actions and pages (demo buttons, the mailbox); null when the path is not one of them. */
  localAction: (
    method: string,
    url: URL,
  ) => Promise<{ status: number; headers: Record<string, string>; body: string | Buffer } | null>;
}

function tokenMatches(header: string | undefined, expected: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

export function startHttpServer(opts: HttpServerOptions): Promise<Server> {
  const server = createServer(async (req, res) => {
    const send = (status: number, headers: Record<string, string | string[]>, body: string | Buffer) => {
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const sendJson = (status: number, body: unknown, extra: Record<string, string> = {}) =>
      send(status, { 'content-type': 'application/json; charset=utf-8', ...extra }, JSON.stringify(body));
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = await readBody(req);
      if (url.pathname === '/' && req.method === 'GET')
        return send(200, { 'content-type': 'text/html; charset=utf-8' }, opts.homePage());
      if (url.pathname === '/local/clock') return await clockRoute(req.method ?? 'GET', body, opts, sendJson);
      const local = url.pathname.startsWith('/local/') ? await opts.localAction(req.method ?? 'GET', url) : null;
      if (local) return send(local.status, local.headers, local.body);
      const match = matchRoute(req.method ?? 'GET', url.pathname);
      if (match === 'bad-path') return sendJson(400, { message: 'Bad Request' });
      if (!match) return sendJson(404, { message: 'Not Found' });
      let claims: Record<string, string> | undefined;
      if (match.route.auth === 'office') {
        if (!tokenMatches(req.headers.authorization, opts.officeToken))
          return sendJson(401, { message: 'Unauthorized' });
        claims = { sub: 'local-office', 'cognito:username': 'programmabureau' };
      }
      const now = opts.clock.now();
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
      );
      const event = {
        version: '2.0',
        routeKey: routeKey(match.route),
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        cookies: req.headers.cookie?.split(/;\s*/),
        queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
        pathParameters: match.pathParameters,
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: headers.host ?? 'localhost',
          domainPrefix: 'local',
          http: {
            method: req.method,
            path: url.pathname,
            protocol: 'HTTP/1.1',
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          requestId: randomUUID(),
          routeKey: routeKey(match.route),
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
          ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
        },
        body: body.length ? body.toString('base64') : undefined,
        isBase64Encoded: body.length > 0,
      };
      const result = (await invokeFunction(match.route.fn, event)) as {
        statusCode: number;
        headers?: Record<string, string>;
        cookies?: string[];
        body?: string;
      };
      // API Gateway turns the result's cookies into one Set-Cookie header each.
      const replyHeaders: Record<string, string | string[]> = {
        ...result.headers,
        ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}),
      };
      send(result.statusCode, replyHeaders, result.body ?? '');
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      // API Gateway answers a failed integration with a bare 500; so do we, and log it.
      if (status === 500) console.error('local http: handler failed', err);
      sendJson(status, { message: status === 413 ? 'Request too large' : 'Internal Server Error' });
    }
  });
  return new Promise((resolve) => server.listen(opts.port, '127.0.0.1', () => resolve(server)));
}

async function clockRoute(
  method: string,
  body: Buffer,
  opts: HttpServerOptions,
  sendJson: (s: number, b: unknown, h?: Record<string, string>) => void,
) {
  if (method === 'GET')
    return sendJson(200, { now: opts.clock.now().toISOString(), pendingTimers: opts.clock.pending().length });
  if (method !== 'POST') return sendJson(405, { message: 'Use GET or POST' });
  // Refused like every API's bad input: 400 with a message per field, and the clock stays where it is.
  const refuse = (field: string, message: string) => {
    sendJson(400, { message: 'The request is not valid.', fields: { [field]: message } });
  };
  let input: { advanceBy?: unknown; to?: unknown };
  try {
    input = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return refuse('body', 'must be JSON: {"advanceBy":"P7D"} or {"to":"2026-09-24T17:00:00+02:00"}');
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return refuse('body', 'must be an object: {"advanceBy":"P7D"} or {"to":"…"}');
  }
  const unknown = Object.keys(input).find((k) => k !== 'advanceBy' && k !== 'to');
  if (unknown) return refuse(unknown, 'is not a known field');
  let target: Date;
  if (typeof input.advanceBy === 'string' && input.to === undefined) {
    const d = Duration.fromISO(input.advanceBy);
    if (!d.isValid || !(d.as('milliseconds') > 0)) {
      return refuse('advanceBy', 'must be an ISO-8601 duration longer than zero, such as P7D');
    }
    target = addIsoDuration(opts.clock.now(), input.advanceBy);
  } else if (typeof input.to === 'string' && input.advanceBy === undefined) {
    target = new Date(input.to);
    if (Number.isNaN(target.getTime()) || !/[Zz]|[+-]\d{2}:\d{2}$/.test(input.to)) {
      return refuse('to', 'must be an ISO-8601 time with offset');
    }
    if (target.getTime() < opts.clock.now().getTime()) return refuse('to', 'the clock only moves forward');
  } else {
    return refuse('body', 'give either advanceBy (ISO-8601 duration) or to (ISO-8601 time with offset)');
  }
  // Far enough for any round; beyond it a typo (P300000Y) would spin the schedules for ever.
  if (Number.isNaN(target.getTime()) || target.getTime() > opts.clock.now().getTime() + MAX_MOVE_MS) {
    return refuse(input.advanceBy !== undefined ? 'advanceBy' : 'to', 'the clock moves at most 5 years at a time');
  }
  const report = await opts.clock.advanceTo(target, opts.whenIdle);
  const now = opts.clock.now().toISOString();
  if (report.reached) return sendJson(200, { now, pendingTimers: opts.clock.pending().length });
  // Stopped where a step failed or hung (a store or mail away): 503 says so; moving again goes on from `now`.
  sendJson(
    503,
    {
      message: `The clock stopped at ${now}: a step failed or did not finish. Move it again to continue.`,
      now,
      target: target.toISOString(),
      failures: report.failures,
    },
    { 'retry-after': '30' },
  );
}
