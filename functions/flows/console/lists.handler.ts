/**
 * The console's lists (rounds, action items, input rounds, people, groups, partners), a page at a
 * time with search: a function of their own (`listConsole`), as the console's bundle is at issue
 * #12's 250 KB. The same request cycle as every console page (router.ts): the session cookie,
 * errors as pages; signing in stays with the console.
 */
import middy from '@middy/core';
import { linkKeys } from '../../engine/deps';
import { unavailablePage } from '../../engine/page-layout';
import { now } from '../../platform/clock';
import type { HttpEvent, HttpResult } from '../../platform/http';
import { unavailablePages } from '../../platform/http-errors';
import { toResult } from './http';
import { handleWith } from './router';
import { listRoutes } from './routes/lists';

/** Every route key the handler serves; a test holds it equal to the wiring's routes of listConsole. */
export const listRouteKeys = Object.keys(listRoutes);

export const handler = middy<HttpEvent, HttpResult>()
  .use(unavailablePages(unavailablePage))
  .handler(async (event) =>
    toResult(
      await handleWith(
        { open: {}, signedIn: listRoutes, linkKeys, nowSeconds: () => Math.floor(now().getTime() / 1000) },
        event,
      ),
    ),
  );
