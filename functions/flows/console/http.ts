/** HTTP plumbing for the console: pages with strict headers, redirects, cookies, form fields. */
import type { HttpEvent, HttpResult, RouteTable } from '../../platform/http';
import { rawBody } from '../../platform/http';
import { cleanText } from '../../platform/clean-text';
import { ValidationError } from '../../platform/errors';
import { parse } from '../../platform/validation';
import type { Session } from './session';
import type { ConsoleContext } from './ui';

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/** One console request, as every route sees it; behind the sign-in, the session and CSRF are already checked. */
export interface Request {
  event: HttpEvent;
  method: string;
  path: string;
  /** The route's path parameters (`{id}`), as API Gateway gives them. */
  params: Readonly<Record<string, string>>;
  ctx: ConsoleContext;
  session: Session | null;
  form: Form;
  query: Record<string, string | undefined>;
}
/** A route behind the sign-in: it always has the signed-in user's session. */
export type SignedInRequest = Request & { session: Session };

/** A route open before sign-in; `undefined` means "not served here" (Cognito sign-in when it is not set up). */
export type OpenHandler = (req: Request) => Promise<Reply | undefined>;
export type Handler = (req: SignedInRequest) => Promise<Reply>;

export interface Reply {
  status: number;
  body: string;
  type?: string;
  cookies?: string[];
  location?: string;
  extraHeaders?: Record<string, string>;
}

export function toResult(r: Reply): HttpResult {
  return {
    statusCode: r.status,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': r.type ?? 'text/html; charset=utf-8',
      ...(r.location ? { location: r.location } : {}),
      ...r.extraHeaders,
    },
    ...(r.cookies?.length ? { cookies: r.cookies } : {}),
    body: r.body,
  };
}

export const htmlReply = (status: number, body: string, cookies?: string[]): Reply => ({ status, body, cookies });
export const redirect = (location: string, cookies?: string[]): Reply => ({ status: 303, body: '', location, cookies });

/** Form fields, with repeated names kept as lists. */
export class Form {
  private readonly params: URLSearchParams;
  constructor(event: HttpEvent) {
    this.params = new URLSearchParams(rawBody(event));
  }
  // Every value is cleaned on the way in (domain/clean-text.ts), as the API's schemas and link pages do.
  get(name: string): string | undefined {
    const v = this.params.get(name);
    return v === null ? undefined : cleanText(v);
  }
  all(name: string): string[] {
    return this.params.getAll(name).map((v) => cleanText(v));
  }
  text(name: string): string {
    return (this.get(name) ?? '').trim();
  }
}

/** Only paths inside the console may be redirected to (no open redirect). */
export function safeBack(path: string | undefined): string {
  return path && /^\/console(\/[A-Za-z0-9/_.-]*)?$/.test(path) ? path : '/console';
}

/** The console's two route tables, typed against the wiring: open before sign-in, and behind it. */
export type OpenRoutes = RouteTable<'console', OpenHandler, 'public'>;
export type SignedInRoutes = RouteTable<'console', Handler, 'session'>;

/** Check with the API's schema, then the service; any field error comes back as a form error. */
export async function attempt<T>(
  schema: Parameters<typeof parse>[0],
  request: unknown,
  run: (checked: T) => Promise<Reply>,
): Promise<Reply | Record<string, string>> {
  try {
    return await run(parse(schema, request) as T);
  } catch (err) {
    if (err instanceof ValidationError) return err.fields;
    throw err;
  }
}
