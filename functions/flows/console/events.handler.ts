/**
 * The console's pages for public events, a function of their own (`eventConsole`), as the cycle
 * pages are: the console's one bundle is at its limit. The same request cycle as every console page
 * (router.ts): the session cookie, the form secret, errors as pages; signing in stays with the console.
 */
import middy from '@middy/core';
import { unavailablePage } from '../../engine/page-layout';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import type { HttpEvent, HttpResult, RouteTable } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { linkKeyLoader } from '../../platform/link-keys';
import { type Handler, toResult } from './http';
import { handleWith } from './router';
import { eventRoutes } from './routes/events';

const routes: RouteTable<'eventConsole', Handler, 'session'> = eventRoutes;

/** Every route key the handler serves; a test holds it equal to the wiring's routes of eventConsole. */
export const eventRouteKeys = Object.keys(routes);

let linkKeys: ReturnType<typeof linkKeyLoader> | undefined;
const keys = () => {
  linkKeys ??= linkKeyLoader({ secretArn: config().linkKeysSecretArn, file: config().linkKeysFile });
  return linkKeys();
};

export const handler = middy<HttpEvent, HttpResult>()
  .use(unavailablePages(unavailablePage))
  .handler(async (event) =>
    toResult(
      await handleWith(
        { open: {}, signedIn: routes, linkKeys: keys, nowSeconds: () => Math.floor(now().getTime() / 1000) },
        event,
      ),
    ),
  );
