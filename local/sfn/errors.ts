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

/** A task that ran past its TimeoutSeconds (or missed a heartbeat, with its own name). */
export function statesTimeout(name = 'States.Timeout'): Error {
  const err = new StatesTimeoutError();
  if (name !== err.name) err.name = name;
  return err;
}
