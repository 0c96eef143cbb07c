/**
 * The console's overview (`GET /console`), a function of its own (`overviewConsole`): it reads every
 * flow (rounds, action items, input rounds, meetings, cycles, notices, people), and the cycle flow's
 * code alone would take the console's bundle past issue #12's 250 KB, as it did for the cycle pages.
 * The same request cycle as every console page (router.ts); signing in stays with the console.
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
import { overviewRoutes } from './routes/overview';

const routes: RouteTable<'overviewConsole', Handler, 'session'> = overviewRoutes;

/** Every route key the handler serves; a test holds it equal to the wiring's routes of overviewConsole. */
export const overviewRouteKeys = Object.keys(routes);

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
