/**
 * The console's pages for programme cycles, a function of their own (`cycleConsole`): the cycle
 * flow's use cases and its four templates would take the console's one bundle past issue #12's
 * 250 KB. The same request cycle as every console page (router.ts): the session cookie, the form
 * secret, errors as pages; signing in stays with the console.
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
import { cycleChangeRoutes } from './routes/cycle-changes';
import { cycleRoutes } from './routes/cycles';

const routes: RouteTable<'cycleConsole', Handler, 'session'> = { ...cycleRoutes, ...cycleChangeRoutes };

/** Every route key the handler serves; a test holds it equal to the wiring's routes of cycleConsole. */
export const cycleRouteKeys = Object.keys(routes);

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
