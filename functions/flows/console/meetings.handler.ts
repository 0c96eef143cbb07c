/**
 * The console's meeting pages, a function of their own (`meetingConsole`), as the cycle pages are:
 * the meeting flow's recurrence rules and calendar mail would take the console's bundle past issue
 * #12's 250 KB. The same request cycle as every console page (router.ts).
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
import { meetingChangeRoutes } from './routes/meeting-changes';
import { meetingRoutes } from './routes/meetings';

const routes: RouteTable<'meetingConsole', Handler, 'session'> = { ...meetingRoutes, ...meetingChangeRoutes };

/** Every route key the handler serves; a test holds it equal to the wiring's routes of meetingConsole. */
export const meetingRouteKeys = Object.keys(routes);

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
