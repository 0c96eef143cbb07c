/** Shapes of API Gateway HTTP API (v2) requests and responses, and the parsing every route needs. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { cleanText } from './clean-text';
import { UnsupportedMediaTypeError, ValidationError } from './errors';
import type { Auth, FunctionName, RouteKeyOf } from '../../infra/wiring';

export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};
export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

export function json(statusCode: number, body: unknown): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** Pages reached through personal links: never cached, never leak the link as a referrer. */
export function page(statusCode: number, body: string): HttpResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    body,
  };
}

export function rawBody(event: HttpEvent): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** application/json, or a +json type such as application/merge-patch+json, with any parameters. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

const headerOf = (event: HttpEvent, name: string) =>
  Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

export function jsonBody(event: HttpEvent): unknown {
  const text = rawBody(event);
  if (text.trim() === '') return {};
  if (!JSON_TYPE.test(headerOf(event, 'content-type') ?? ''))
    throw new UnsupportedMediaTypeError('Send the request body as JSON, with Content-Type: application/json.');
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError({ body: 'the request body is not valid JSON' });
  }
}

/** A form's fields, each cleaned (domain/clean-text.ts): every link page reads its free text here. */
export function formBody(event: HttpEvent): Record<string, string> {
  return Object.fromEntries([...new URLSearchParams(rawBody(event))].map(([k, v]) => [k, cleanText(v)]));
}

export function method(event: HttpEvent): string {
  return event.requestContext.http.method.toUpperCase();
}

/** Who called: the signed-in programme office user, from the authorizer's claims. */
export function actor(event: HttpEvent): string {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  return String(claims['cognito:username'] ?? claims.username ?? claims.sub ?? 'unknown');
}

export type RouteHandler = (event: HttpEvent, context?: Context) => Promise<HttpResult>;

/**
 * A handler's routes, keyed exactly by the routes the wiring declares for its function (or those of
 * them with one `auth`). The console's routes take its own request shape, hence the handler type `H`.
 */
export type RouteTable<F extends FunctionName, H = RouteHandler, A extends Auth = Auth> = Record<RouteKeyOf<F, A>, H>;

/** The route for a key, from the table's own keys only ("constructor" is no route). */
export function routeIn<T extends object>(
  table: T,
  key: string,
): (T extends Record<string, infer H> ? H : RouteHandler) | undefined {
  return Object.hasOwn(table, key) ? (table as Record<string, never>)[key] : undefined;
}
