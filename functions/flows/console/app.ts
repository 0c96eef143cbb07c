/**
 * The console's router: API Gateway (or the local server) has matched the route against the
 * wiring, so the route key picks the handler from a table typed against that same wiring. Here,
 * once for every route, the session and the form secret (CSRF) are checked and errors become pages.
 */
import { roundDeps } from '../approval-round';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import type { HttpEvent } from '../../platform/http';
import { routeIn } from '../../platform/http';
import { isUnavailable } from '../../platform/http-errors';
import { logger } from '../../platform/logger';
import type { Lang } from '../../platform/time';
import { Form, htmlReply, redirect, type Reply, type Request, type SignedInRoutes } from './http';
import { messagePage } from './overview-pages';
import { bodyRoutes } from './routes/bodies';
import { directoryRoutes } from './routes/directory';
import { followUpRoutes } from './routes/follow-ups';
import { inputRoundRoutes } from './routes/input-rounds';
import { overviewRoutes } from './routes/overview';
import { roundRoutes } from './routes/rounds';
import { nowSeconds, openRoutes, sessionRoutes } from './routes/session';
import { csrfMatches, LANG_COOKIE, openSession, readCookie, SESSION_COOKIE } from './session';
import { type ConsoleContext, contextFor } from './ui';

/** Any other path under /console: the console's own not-found page, after the sign-in check. */
const notFound = async (req: Request): Promise<Reply> => {
  throw new NotFoundError('page', req.path);
};

const signedInRoutes: SignedInRoutes = {
  ...overviewRoutes,
  ...roundRoutes,
  ...followUpRoutes,
  ...inputRoundRoutes,
  ...directoryRoutes,
  ...bodyRoutes,
  ...sessionRoutes,
  'GET /console/{proxy+}': notFound,
  'POST /console/{proxy+}': notFound,
};

/** Every route key the handler serves; a test holds it equal to the wiring's console routes. */
export const consoleRouteKeys = [...Object.keys(openRoutes), ...Object.keys(signedInRoutes)];

// Ids in the console's paths are letters, digits, "_" and "-"; anything else names no page.
const validParams = (params: Record<string, string>) =>
  Object.entries(params).every(([name, value]) => name === 'proxy' || /^[\w-]+$/.test(value));

async function readRequest(event: HttpEvent): Promise<Request> {
  const path = (event.rawPath || '/console').replace(/\/+$/, '') || '/console';
  const cookies = event.cookies ?? event.headers?.cookie?.split(/;\s*/);
  const lang: Lang = readCookie(cookies, LANG_COOKIE) === 'en' ? 'en' : 'nl';
  const session = openSession(await roundDeps().linkKeys(), readCookie(cookies, SESSION_COOKIE), nowSeconds());
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

export async function handleConsole(event: HttpEvent): Promise<Reply> {
  const req = await readRequest(event);
  const { ctx, method } = req;
  try {
    const open = routeIn(openRoutes, event.routeKey);
    const reply = open && (await open(req));
    if (reply) return reply;
    const session = req.session?.sub ? req.session : null;
    if (!session)
      return method === 'GET'
        ? redirect('/console/sign-in')
        : htmlReply(401, messagePage(ctx, ctx.t.signIn, ctx.t.formExpired));
    if (method === 'POST' && !csrfMatches(session, req.form.get('_csrf')))
      return htmlReply(403, messagePage(ctx, ctx.t.signIn, ctx.t.formExpired));
    const route = (!open && validParams(req.params) && routeIn(signedInRoutes, event.routeKey)) || notFound;
    return await route({ ...req, session });
  } catch (err) {
    return errorPage(ctx, err, req.path);
  }
}
