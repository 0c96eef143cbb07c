/**
 * Errors as Step Functions reports them: the API's error codes, and the error names and causes
 * that a Retry, a Catch or a failed execution sees.
 */
import { StateMachine } from 'aws-local-stepfunctions';

/** An API error: `code` is what AWS puts in `__type` (e.g. TaskDoesNotExist). */
export class SfnError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * The interpreter keeps States.Timeout out of `States.TaskFailed` (as AWS does) only for an instance of
 * its own timeout class, which it does not export. One task that times out after a millisecond hands
 * us that class, so the timeouts we raise on the local clock are matched exactly as AWS matches them.
 */
async function interpreterTimeoutClass(): Promise<new () => Error> {
  const probe = new StateMachine(
    { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'probe', TimeoutSeconds: 0.001, End: true } } } as any,
    { validationOptions: { noValidate: true } },
  );
  const run = probe.run(null, { overrides: { taskResourceLocalHandlers: { T: () => new Promise(() => {}) } } });
  const failure = await run.result.then(
    () => undefined,
    (err: Error) => err.cause as Error,
  );
  if (failure?.name !== 'States.Timeout') throw new Error('the interpreter no longer raises its own States.Timeout');
  return failure.constructor as new () => Error;
}

const StatesTimeoutError = await interpreterTimeoutClass();

/** Whether AWS counts this error as a timeout (States.TaskFailed does not match those). */
export const isStatesTimeout = (err: unknown) => err instanceof StatesTimeoutError;

/** A task that ran past its TimeoutSeconds (or missed a heartbeat, with its own name). */
export function statesTimeout(name = 'States.Timeout'): Error {
  const err = new StatesTimeoutError();
  if (name !== err.name) err.name = name;
  return err;
}

/** 256 KiB, as UTF-8: the most a task, a state or an execution may take in or give out. */
export const PAYLOAD_LIMIT_BYTES = 262_144;

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');

/**
 * States.DataLimitExceeded is terminal: neither a retrier nor a catcher on States.ALL takes it
 * (the interpreter reads `isRetryable`/`isCatchable` from the error).
 */
export function checkDataLimit(value: unknown, what: string): void {
  const size = bytes(value);
  if (size <= PAYLOAD_LIMIT_BYTES) return;
  throw Object.assign(new Error(`The ${what} has ${size} bytes, more than the quota of ${PAYLOAD_LIMIT_BYTES} bytes`), {
    name: 'States.DataLimitExceeded',
    isRetryable: false,
    isCatchable: false,
  });
}

/**
 * A Lambda function's own failure as Step Functions reports it: the error's type as the error name
 * (what Retry and Catch match), and Lambda's JSON error document as the cause.
 * Failures of the call itself (`Lambda.*`) and the States' own errors keep their name and message.
 */
export function lambdaFailure(err: unknown): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  if (/^(Lambda|States)\./.test(e.name)) return e;
  const trace = (e.stack ?? '').split('\n').map((line) => line.trim());
  const cause = JSON.stringify({ errorType: e.name, errorMessage: e.message, trace });
  return Object.assign(new Error(cause), { name: e.name });
}

/**
 * What DescribeExecution shows for a failed run. The interpreter wraps the state's error; a Fail state
 * without Error or Cause leaves them out, as AWS does (the interpreter fills in names of its own).
 */
export function executionFailure(err: Error): { error?: string; cause?: string } {
  const failure = err.cause instanceof Error ? err.cause : err;
  if (failure.constructor.name !== 'FailStateError') return { error: failure.name, cause: failure.message };
  return {
    error: failure.name === 'FailStateError' ? undefined : failure.name,
    cause: failure.message === 'Execution failed because of a Fail state' ? undefined : failure.message,
  };
}
