/**
 * The console handler on API Gateway's route keys, without Cognito set up: the Cognito-only routes
 * are then not served and behave like any unknown path (sign in first), and assets need no session.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { httpEvent, lambdaContext, setHandlerEnv } from '../../support/handler-env';

let handler: (e: unknown, c: unknown) => Promise<any>;

beforeAll(async () => {
  setHandlerEnv();
  handler = (await import('../../../functions/flows/console/console.handler')).handler as unknown as typeof handler;
});

const call = (routeKey: string, path: string, pathParameters?: Record<string, string>) =>
  handler(httpEvent(routeKey, { path, pathParameters }), lambdaContext);

describe('console routes', () => {
  it('sends a stranger on the Cognito-only routes to the sign-in page when Cognito is not set up', async () => {
    for (const path of ['/console/sign-in/start', '/console/callback']) {
      const res = await call(`GET ${path}`, path);
      expect([res.statusCode, res.headers.location], path).toEqual([303, '/console/sign-in']);
    }
  });

  it('serves the assets without a session, and asks a stranger to sign in for a page', async () => {
    const css = await call('GET /console/assets/console.css', '/console/assets/console.css');
    expect([css.statusCode, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    const round = await call('GET /console/rounds/{id}', '/console/rounds/r-1', { id: 'r-1' });
    expect([round.statusCode, round.headers.location]).toEqual([303, '/console/sign-in']);
    const unknown = await call('GET /console/{proxy+}', '/console/nope', { proxy: 'nope' });
    expect([unknown.statusCode, unknown.headers.location]).toEqual([303, '/console/sign-in']);
  });
});
