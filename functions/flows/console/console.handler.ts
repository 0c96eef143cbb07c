/** The programme office console: server-rendered pages under /console, each route in its wiring (see app.ts). */
import middy from '@middy/core';
import { handleConsole } from './app';
import { toResult } from './http';
import type { HttpEvent, HttpResult } from '../../platform/http';

export const handler = middy<HttpEvent, HttpResult>().handler(async (event) => toResult(await handleConsole(event)));
