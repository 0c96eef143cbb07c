/** A Step Functions stand-in on its own clock, with Lambda functions the test writes. */
import { LocalClock } from '../../local/clock';
import { LocalStepFunctions, type LocalStepFunctionsOptions } from '../../local/stepfunctions';

export const START = new Date('2026-11-02T09:00:00Z');
export const FN = 'arn:aws:lambda:eu-west-1:000000000000:function:probe';

type Fn = (payload: any) => unknown;

/** `options.retrySpeedUp`: retries are 1000× faster than declared unless a test asks for 1 (as declared). */
export function standIn(fns: Record<string, Fn> = {}, options: LocalStepFunctionsOptions = {}) {
  const clock = new LocalClock(undefined, START);
  const calls: { fn: string; payload: any }[] = [];
  const sfn = new LocalStepFunctions(clock, {
    retrySpeedUp: 1000,
    ...options,
    invoke: async (arn, payload) => {
      const name = arn.split(':').pop()!;
      calls.push({ fn: name, payload });
      const fn = fns[name];
      if (!fn) throw Object.assign(new Error(`Function not found: ${arn}`), { name: 'ResourceNotFoundException' });
      return fn(payload);
    },
  });
  let n = 0;
  const start = (definition: object, input: unknown = {}) => {
    const arn = sfn.register(`test-${++n}`, definition as Record<string, any>);
    return sfn.startExecution(arn, undefined, JSON.stringify(input));
  };
  const settle = () => sfn.whenIdle();
  const advance = (seconds: number) =>
    clock.advanceTo(new Date(clock.now().getTime() + seconds * 1000), () => sfn.whenIdle());
  /** Wait until the execution has ended (or nothing more happens without the clock moving). */
  const done = async (executionArn: string) => {
    await settle();
    return sfn.describeExecution(executionArn);
  };
  return { clock, sfn, calls, start, settle, advance, done };
}
