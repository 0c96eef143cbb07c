/**
 * Signing in and out, the language switch and the assets: the routes that work before sign-in
 * (sign-out excepted). A sign-in form carries the secret of a pre-session, checked on its post.
 */
import { roundDeps } from '../../approval-round';
import { config } from '../../../platform/config';
import type { Lang } from '../../../platform/time';
import { CONSOLE_CSS, CONSOLE_JS } from '../assets';
import { htmlReply, redirect, safeBack, type OpenRoutes, type Request, type SignedInRoutes } from '../http';
import { signInPage } from '../overview-pages';
import { csrfMatches, LANG_COOKIE, newSession, sealSession, sessionCookie } from '../session';
import { authorizeUrl, cognitoSettings, completeCognitoSignIn, localCodeMatches, pkcePair } from '../sign-in';

export const nowSeconds = () => Math.floor(roundDeps().now().getTime() / 1000);

const cognito = () => cognitoSettings(config().publicBaseUrl);

/** A sealed session as its cookie, valid as long as the session itself. */
async function cookieFor(session: ReturnType<typeof newSession>, maxAgeSeconds?: number): Promise<string> {
  return sessionCookie(sealSession(await roundDeps().linkKeys(), session), maxAgeSeconds);
}

/** A signed-in session: opening a sign-in page again must not replace (and so end) it. */
const signedIn = (req: Request) => Boolean(req.session?.sub);

export const openRoutes: OpenRoutes = {
  'GET /console/assets/console.css': async () => ({ status: 200, body: CONSOLE_CSS, type: 'text/css; charset=utf-8' }),
  'GET /console/assets/console.js': async () => ({
    status: 200,
    body: CONSOLE_JS,
    type: 'text/javascript; charset=utf-8',
  }),
  'GET /console/lang': async ({ query }) => {
    const to: Lang = query.to === 'en' ? 'en' : 'nl';
    return redirect(safeBack(query.back), [`${LANG_COOKIE}=${to}; Path=/; Secure; SameSite=Lax; Max-Age=31536000`]);
  },
  'GET /console/sign-in': async (req) => {
    if (signedIn(req)) return redirect('/console');
    // A session without a user: it carries the form secret (and, for Cognito, the PKCE verifier).
    const pre = newSession('', '', nowSeconds(), 3600);
    const page = signInPage({ ...req.ctx, csrf: pre.csrf }, cognito() ? 'cognito' : 'local');
    return htmlReply(200, page, [await cookieFor(pre, 3600)]);
  },
  'POST /console/sign-in': async ({ ctx, form, session }) => {
    if (!session || !csrfMatches(session, form.get('_csrf')))
      return htmlReply(400, signInPage({ ...ctx, csrf: session?.csrf }, 'local', { code: ctx.t.formExpired }));
    const kind = cognito() ? 'cognito' : 'local';
    if (kind === 'cognito' || !localCodeMatches(form.text('code')))
      return htmlReply(401, signInPage({ ...ctx, csrf: session.csrf }, kind, { code: ctx.t.wrongCode }));
    return redirect('/console', [await cookieFor(newSession('programmabureau', 'Programmabureau', nowSeconds()))]);
  },
  'GET /console/sign-in/start': async (req) => {
    const settings = cognito();
    if (signedIn(req)) return redirect('/console');
    if (!settings) return undefined;
    const { verifier, challenge } = pkcePair();
    const pre = { ...newSession('', '', nowSeconds(), 900), pkce: verifier };
    return redirect(authorizeUrl(settings, pre.csrf, challenge), [await cookieFor(pre, 900)]);
  },
  'GET /console/callback': async ({ ctx, query, session }) => {
    const settings = cognito();
    if (!settings) return undefined;
    if (!session?.pkce || !query.code || !csrfMatches(session, query.state))
      return htmlReply(400, signInPage(ctx, 'cognito', { code: ctx.t.formExpired }));
    const user = await completeCognitoSignIn(settings, query.code, session.pkce);
    if (!user) return htmlReply(401, signInPage(ctx, 'cognito', { code: ctx.t.wrongCode }));
    return redirect('/console', [await cookieFor(newSession(user.sub, user.name, nowSeconds()))]);
  },
};

export const sessionRoutes = {
  'POST /console/sign-out': async () => redirect('/console/sign-in', [sessionCookie('', 0)]),
} satisfies Partial<SignedInRoutes>;
