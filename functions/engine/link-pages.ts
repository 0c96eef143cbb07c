/**
 * What the pages behind personal links share: people always see a page (never JSON), a HEAD
 * gets the GET's answer without its body, and GET/HEAD never reach the code that changes things.
 */
import type { MiddlewareObj } from '@middy/core';
import { invalidLinkPage, problemPage } from './page-layout';
import { errorResponse, httpErrors } from '../platform/http-errors';
import { method, page, type HttpEvent, type HttpResult } from '../platform/http';

export function linkPageErrors(): MiddlewareObj<unknown, HttpResult> {
  return httpErrors((err) => {
    const status = errorResponse(err).statusCode;
    return page(status, status === 400 ? invalidLinkPage() : problemPage());
  });
}

/** Route a link page: `read` for GET and HEAD, `write` for POST. */
export async function linkPage(
  event: HttpEvent,
  read: () => Promise<HttpResult>,
  write: () => Promise<HttpResult>,
): Promise<HttpResult> {
  const verb = method(event);
  if (verb === 'GET' || verb === 'HEAD') {
    const result = await read();
    return verb === 'HEAD' ? { ...result, body: '' } : result;
  }
  return write();
}
