/**
 * Named errors of the product. Each maps to one HTTP answer in functions/platform/http-errors.ts;
 * nothing else decides what a user sees when something is refused.
 */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly fields: Record<string, string>) {
    super(
      Object.entries(fields)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; '),
    );
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} not found`);
  }
}

export class ConflictError extends Error {
  override name = 'ConflictError';
}

/** A JSON API's body sent as another type (text/plain, a form): a browser sends those cross-site unasked. */
export class UnsupportedMediaTypeError extends Error {
  override name = 'UnsupportedMediaTypeError';
}

export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
}

/** Optimistic-concurrency retries ran out: too many writers at once. Safe to try again. */
export class BusyError extends Error {
  override name = 'BusyError';
}

/** Some emails could not be sent (after the SDK's own retries); the others were. Safe to retry. */
export class EmailSendError extends Error {
  override name = 'EmailSendError';
  constructor(readonly personIds: string[]) {
    super(`could not send to ${personIds.length} recipient(s)`);
  }
}

/** The answer to an Idempotency-Key sent again with another request (the handler's check and the round's own). */
export const KEY_REUSED_MESSAGE =
  'This Idempotency-Key was already used for a different request. ' +
  'Send the same request to get its answer again, or use a new key for a new request.';
