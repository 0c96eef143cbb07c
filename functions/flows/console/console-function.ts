/**
 * A console function's handler from its route table: the request cycle of router.ts (session, form
 * secret, errors as pages) with the link keys loaded once per cold start. Each console function that
 * is its own bundle (cycles, lists, the overview, the calendar, meetings, documents, events,
 * consultations) is this with its own routes; `open` are those served before the sign-in (assets).
 */
import middy from '@middy/core';
import { unavailablePage } from '../../engine/page-layout';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import type { HttpEvent, HttpResult } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { linkKeyLoader } from '../../platform/link-keys';
import { type Handler, type OpenHandler, toResult } from './http';
import { handleWith } from './router';

export function consoleFunction(
  routes: Partial<Record<string, Handler>>,
  open: Partial<Record<string, OpenHandler>> = {},
) {
  let linkKeys: ReturnType<typeof linkKeyLoader> | undefined;
  const keys = () => {
    linkKeys ??= linkKeyLoader({ secretArn: config().linkKeysSecretArn, file: config().linkKeysFile });
    return linkKeys();
  };
  return middy<HttpEvent, HttpResult>()
    .use(unavailablePages(unavailablePage))
    .handler(async (event) =>
      toResult(
        await handleWith(
          { open, signedIn: routes, linkKeys: keys, nowSeconds: () => Math.floor(now().getTime() / 1000) },
          event,
        ),
      ),
    );
}
