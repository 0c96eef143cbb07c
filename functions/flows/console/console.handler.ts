/** The programme office console: server-rendered pages under /console, each route in its wiring (see app.ts). */
import middy from '@middy/core';
import { unavailablePages } from '../../platform/http-errors';
import { unavailablePage } from '../../engine/page-layout';
import { handleConsole } from './app';
import { toResult } from './http';
import type { HttpEvent, HttpResult } from '../../platform/http';

export const handler = middy<HttpEvent, HttpResult>()
  .use(unavailablePages(unavailablePage))
  .handler(async (event) => toResult(await handleConsole(event)));
