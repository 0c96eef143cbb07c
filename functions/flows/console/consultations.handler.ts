/**
 * The console's consultation pages, a function of their own (`consultationConsole`), as the cycle
 * pages are: the console's one bundle is at its 250 KB limit. The same request cycle as every
 * console page (router.ts): the session cookie, the form secret, errors as pages.
 */
import middy from '@middy/core';
import { unavailablePage } from '../../engine/page-layout';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import type { HttpEvent, HttpResult } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { linkKeyLoader } from '../../platform/link-keys';
import { toResult } from './http';
import { handleWith } from './router';
import { consultationRoutes } from './routes/consultations';

/** Every route key the handler serves; a test holds it equal to the wiring's routes of consultationConsole. */
export const consultationRouteKeys = Object.keys(consultationRoutes);

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
        {
          open: {},
          signedIn: consultationRoutes,
          linkKeys: keys,
          nowSeconds: () => Math.floor(now().getTime() / 1000),
        },
        event,
      ),
    ),
  );
