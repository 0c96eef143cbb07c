/** Console sign-in through Cognito's hosted pages (code flow with PKCE), with the network mocked. */
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpEvent, lambdaContext, setHandlerEnv } from '../../support/handler-env';

let handler: (e: unknown, c: unknown) => Promise<any>;

beforeAll(async () => {
  setHandlerEnv();
  Object.assign(process.env, {
    COGNITO_DOMAIN: 'https://alliantie.auth.eu-west-1.amazoncognito.com',
    COGNITO_CLIENT_ID: 'client-1',
    COGNITO_USER_POOL_ID: 'eu-west-1_abc',
  });
  handler = (await import('../../../functions/flows/console/console.handler')).handler as unknown as typeof handler;
});
afterEach(() => vi.unstubAllGlobals());

const get = (path: string, cookies?: string[], query?: Record<string, string>) =>
  handler({ ...httpEvent(`GET ${path}`, { path, query }), cookies }, lambdaContext);
const cookieValue = (setCookie: string) => setCookie.split(';')[0];

describe('Cognito sign-in', () => {
  it('offers the hosted sign-in instead of an access code', async () => {
    const res = await get('/console/sign-in');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/console/sign-in/start');
    expect(res.body).not.toContain('name="code"');
  });

  it('redirects to the hosted pages with PKCE and a state bound to a signed pre-session', async () => {
    const res = await get('/console/sign-in/start');
    expect(res.statusCode).toBe(303);
    const url = new URL(res.headers.location);
    expect(url.origin + url.pathname).toBe('https://alliantie.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://alliantie.example.org/console/callback',
      code_challenge_method: 'S256',
      scope: 'openid email',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.cookies[0]).toMatch(/^__Host-ac_session=.*; Path=\/; Secure; HttpOnly; SameSite=Lax/);
  });

  it('refuses a callback whose state does not match, and one whose code the token endpoint refuses', async () => {
    const start = await get('/console/sign-in/start');
    const state = new URL(start.headers.location).searchParams.get('state')!;
    const cookie = cookieValue(start.cookies[0]);
    expect((await get('/console/callback', [cookie], { code: 'c', state: 'other' })).statusCode).toBe(400);
    expect((await get('/console/callback', undefined, { code: 'c', state })).statusCode).toBe(400);
    const fetchMock = vi.fn(async () => new Response('{"error":"invalid_grant"}', { status: 400 }));
    vi.stubGlobal('fetch', fetchMock);
    const refused = await get('/console/callback', [cookie], { code: 'c', state });
    expect(refused.statusCode).toBe(401);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://alliantie.auth.eu-west-1.amazoncognito.com/oauth2/token');
    const body = new URLSearchParams(String(init.body));
    // The verifier sent matches the challenge sent at the start.
    const challenge = new URL(start.headers.location).searchParams.get('code_challenge');
    expect(createHash('sha256').update(body.get('code_verifier')!).digest('base64url')).toBe(challenge);
    expect(body.get('grant_type')).toBe('authorization_code');
  });

  it('does not accept the local access code when Cognito is configured', async () => {
    const page = await get('/console/sign-in');
    const cookie = cookieValue(page.cookies[0]);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    process.env.CONSOLE_SIGN_IN_CODE = 'local-code';
    const res = await handler(
      {
        ...httpEvent('POST /console/sign-in', {
          path: '/console/sign-in',
          body: new URLSearchParams({ code: 'local-code', _csrf: csrf }).toString(),
          contentType: 'application/x-www-form-urlencoded',
        }),
        cookies: [cookie],
      },
      lambdaContext,
    );
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.cookies).toBeUndefined();
    delete process.env.CONSOLE_SIGN_IN_CODE;
  });
});
