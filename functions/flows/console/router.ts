/**
 * The console's request cycle, shared by each console function (the pages of rounds, action items and
 * the directory in `console`, the cycles in `cycleConsole`): read the request and its session,
 * serve an open route, else check the sign-in and the form secret (CSRF) once, run the route, and turn
 * errors into pages. Each function gives its own route tables, so its bundle carries only its pages.
 */
import type { LinkKeys } from '../../platform/link-token';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { type HttpEvent, routeIn } from '../../platform/http';
import { isUnavailable } from '../../platform/http-errors';
import { logger } from '../../platform/logger';
import type { Lang } from '../../platform/time';
import { Form, type Handler, htmlReply, type OpenHandler, redirect, type Reply, type Request } from './http';
import { csrfMatches, LANG_COOKIE, openSession, readCookie, SESSION_COOKIE } from './session';
import { messagePage } from './message-page';
import { type ConsoleContext, contextFor } from './ui';

export interface ConsoleRoutes {
  open: Partial<Record<string, OpenHandler>>;
  signedIn: Partial<Record<string, Handler>>;
  linkKeys: () => Promise<LinkKeys>;
  nowSeconds: () => number;
}

/** Any other path: the console's own not-found page, after the sign-in check. */
export const notFound = async (req: Request): Promise<Reply> => {
  throw new NotFoundError('page', req.path);
};

// Ids in the console's paths are letters, digits, "_" and "-"; anything else names no page.
const validParams = (params: Record<string, string>) =>
  Object.entries(params).every(([name, value]) => name === 'proxy' || /^[\w-]+$/.test(value));

async function readRequest(event: HttpEvent, r: ConsoleRoutes): Promise<Request> {
  const path = (event.rawPath || '/console').replace(/\/+$/, '') || '/console';
  const cookies = event.cookies ?? event.headers?.cookie?.split(/;\s*/);
  const lang: Lang = readCookie(cookies, LANG_COOKIE) === 'en' ? 'en' : 'nl';
  const session = openSession(await r.linkKeys(), readCookie(cookies, SESSION_COOKIE), r.nowSeconds());
  const ctx = contextFor(lang, path, session?.sub ? session.name : undefined, session?.csrf);
  const params = (event.pathParameters ?? {}) as Record<string, string>;
  const method = event.requestContext.http.method.toUpperCase();
  return { event, method, path, params, ctx, session, form: new Form(event), query: event.queryStringParameters ?? {} };
}

function errorPage(ctx: ConsoleContext, err: unknown, path: string): Reply {
  // A store that cannot be reached is no fault of ours: the handler's middleware answers 503 with Retry-After.
  if (isUnavailable(err)) throw err;
  if (err instanceof NotFoundError) return htmlReply(404, messagePage(ctx, ctx.t.notFound, ctx.t.notFound));
  if (err instanceof ConflictError) return htmlReply(409, messagePage(ctx, ctx.t.status, ctx.t.errClosed));
  if (err instanceof ValidationError)
    return htmlReply(400, messagePage(ctx, ctx.t.errorsTitle, Object.values(err.fields).join(' ')));
  logger.error('console error', { errorName: (err as Error)?.name, path });
  return htmlReply(500, messagePage(ctx, ctx.t.problem, ctx.t.problem));
}

export async function handleWith(r: ConsoleRoutes, event: HttpEvent): Promise<Reply> {
  const req = await readRequest(event, r);
  const { ctx, method } = req;
  try {
    const open = routeIn(r.open, event.routeKey);
    const reply = open && (await open(req));
    if (reply) return reply;
    const session = req.session?.sub ? req.session : null;
    if (!session)
      return method === 'GET'
        ? redirect('/console/sign-in')
        : htmlReply(401, messagePage(ctx, ctx.t.signIn, ctx.t.formExpired));
    if (method === 'POST' && !csrfMatches(session, req.form.get('_csrf')))
      return htmlReply(403, messagePage(ctx, ctx.t.signIn, ctx.t.formExpired));
    const route = (!open && validParams(req.params) && routeIn(r.signedIn, event.routeKey)) || notFound;
    return await route({ ...req, session });
  } catch (err) {
    return errorPage(ctx, err, req.path);
  }
}
