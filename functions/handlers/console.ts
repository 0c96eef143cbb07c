/** The programme office console: server-rendered pages under /console (see functions/console). */
import middy from '@middy/core';
import { handleConsole } from '../console/app';
import { toResult } from '../console/http';
import type { HttpEvent, HttpResult } from '../lib/http';

export const handler = middy<HttpEvent, HttpResult>().handler(async (event) => toResult(await handleConsole(event)));
