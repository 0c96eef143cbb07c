/**
 * The one place where named errors become HTTP answers. Anything unnamed is a fault of ours:
 * logged in full, answered with a generic message that never carries the error itself.
 */
import type { MiddlewareObj } from '@middy/core';
import { BusyError, ConflictError, EmailSendError, NotFoundError, UnauthorizedError, ValidationError } from './errors';
import { json, type HttpResult } from './http';
import { logger } from './logger';

export function errorResponse(err: unknown): HttpResult {
  if (err instanceof ValidationError) return json(400, { message: 'The request is not valid.', fields: err.fields });
  if (err instanceof NotFoundError) return json(404, { message: `Not found: ${err.what} ${err.id}` });
  if (err instanceof ConflictError) return json(409, { message: err.message });
  if (err instanceof UnauthorizedError) return json(401, { message: 'Sign in first.' });
  if (err instanceof EmailSendError)
    return json(503, { message: 'Some emails could not be sent; the others were. Please try again in a moment.' });
  if (err instanceof BusyError)
    return { ...json(503, { message: err.message }), headers: { ...json(503, {}).headers, 'retry-after': '1' } };
  // Error texts from SES can carry addresses: mask them before they reach the log.
  const e = err as Error;
  logger.error('unhandled error', {
    errorName: e?.name,
    errorMessage: String(e?.message ?? err).replace(/([\w.+-])[\w.+-]*@/g, '$1***@'),
    stack: e?.stack?.split('\n').slice(1, 6).join('\n'),
  });
  return json(500, { message: 'Something went wrong on our side. Please try again later.' });
}

/** Middy middleware for JSON APIs. Pages pass their own renderer for unexpected errors. */
export function httpErrors(render: (err: unknown) => HttpResult = errorResponse): MiddlewareObj<unknown, HttpResult> {
  return {
    onError: async (request) => {
      request.response = render(request.error);
    },
  };
}
