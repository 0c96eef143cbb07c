/**
 * The one place where named errors become HTTP answers. Anything unnamed is a fault of ours:
 * logged in full, answered with a generic message that never carries the error itself.
 */
import type { MiddlewareObj } from '@middy/core';
import {
  BusyError,
  ConflictError,
  EmailSendError,
  NotFoundError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
import { json, page, type HttpResult } from './http';
import { logger } from './logger';

/** The longest id or token in a path: ids are uuids or keyed names and link tokens a few hundred characters. */
export const MAX_PATH_ID_LENGTH = 1024;

/** How long a caller should wait before trying again: a little more than the SDK's own retries take. */
export const RETRY_AFTER_SECONDS = 30;

/** Socket errors of Node: the endpoint refused, reset, timed out or could not be found. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** What AWS services answer while they are overloaded, throttling us, or briefly away. */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
]);

type SdkError = Error & { code?: string; $metadata?: { httpStatusCode?: number }; $service?: string };

/**
 * A store, the mail or the workflow service cannot be reached or refuses for now (after the SDK's
 * own retries): nothing is wrong with the request, the same request later should succeed.
 */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as SdkError;
  if (UNAVAILABLE_NAMES.has(e.name) || NETWORK_CODES.has(e.code ?? '')) return true;
  const status = e.$metadata?.httpStatusCode;
  return status === 502 || status === 503 || status === 504;
}

/** Error texts from SES can carry addresses: mask them before they reach the log. */
const masked = (text: string) => text.replace(/([\w.+-])[\w.+-]*@/g, '$1***@');

/** The log says which call failed and how, so an outage can be told from a fault of ours. */
function logUnavailable(err: unknown): void {
  const e = err as SdkError;
  logger.warn('a store or mail could not be reached; answered 503', {
    errorName: e.name,
    errorCode: e.code,
    httpStatus: e.$metadata?.httpStatusCode,
    errorMessage: masked(String(e.message)),
    stack: e.stack?.split('\n').slice(1, 6).join('\n'),
  });
}

/** A 503 answer tells the caller when to try again. */
export function retryLater(result: HttpResult, seconds = RETRY_AFTER_SECONDS): HttpResult {
  return { ...result, headers: { ...result.headers, 'retry-after': String(seconds) } };
}

export function errorResponse(err: unknown): HttpResult {
  if (err instanceof ValidationError) return json(400, { message: 'The request is not valid.', fields: err.fields });
  if (err instanceof NotFoundError) return json(404, { message: `Not found: ${err.what} ${err.id}` });
  if (err instanceof ConflictError) return json(409, { message: err.message });
  if (err instanceof UnauthorizedError) return json(401, { message: 'Sign in first.' });
  if (err instanceof UnsupportedMediaTypeError) return json(415, { message: err.message });
  if (err instanceof EmailSendError)
    return json(503, { message: 'Some emails could not be sent; the others were. Please try again in a moment.' });
  if (err instanceof BusyError) return retryLater(json(503, { message: err.message }), 1);
  if (isUnavailable(err)) {
    logUnavailable(err);
    return retryLater(
      json(503, {
        message:
          'The service is briefly unavailable: the database or the mail service cannot be reached. ' +
          `Please try again in ${RETRY_AFTER_SECONDS} seconds (with the same Idempotency-Key when creating).`,
      }),
    );
  }
  const e = err as Error;
  logger.error('unhandled error', {
    errorName: e?.name,
    errorMessage: masked(String(e?.message ?? err)),
    stack: e?.stack?.split('\n').slice(1, 6).join('\n'),
  });
  return json(500, { message: 'Something went wrong on our side. Please try again later.' });
}

/**
 * Middy middleware for JSON APIs. Pages pass their own renderer for unexpected errors; a 503 for
 * an unreachable service gets its Retry-After whichever renderer made it.
 */
export function httpErrors(render: (err: unknown) => HttpResult = errorResponse): MiddlewareObj<unknown, HttpResult> {
  return {
    // No id of ours is this long, and DynamoDB refuses a key over 2,048 bytes (a 500): the JSON APIs
    // answer 404 first. Pages (their own renderer) read a link's token themselves: a garbage one gets
    // the page that says the link is not right.
    before: async (request) => {
      if (render !== errorResponse) return;
      const params = (request.event as { pathParameters?: Record<string, string | undefined> }).pathParameters ?? {};
      const long = Object.values(params).find((v) => (v?.length ?? 0) > MAX_PATH_ID_LENGTH);
      if (long) throw new NotFoundError('id', `${long.slice(0, 24)}…`);
    },
    onError: async (request) => {
      const result = render(request.error);
      request.response = result.statusCode === 503 && isUnavailable(request.error) ? retryLater(result) : result;
    },
  };
}

/**
 * For pages: while a store or mail is unreachable, the person sees `render()` (a page saying to try
 * again in a moment) with 503 and Retry-After. Use it after the page's own error middleware: middy
 * runs the last one first, and this one answers only for an unreachable service.
 */
export function unavailablePages(render: () => string): MiddlewareObj<unknown, HttpResult> {
  return {
    onError: async (request) => {
      if (!isUnavailable(request.error)) return undefined;
      logUnavailable(request.error);
      // Returned, so middy answers with it and the page's own error middleware does not run.
      return retryLater(page(503, render()));
    },
  };
}
