/** How a Task state calls Lambda, directly or through the optimised `lambda:invoke` integration. */
import type { Json } from './callbacks';
import { checkDataLimit, lambdaFailure } from './errors';

/** Calls a Lambda function by its ARN or name (local mode: the handler module in this process). */
export type Invoker = (functionArnOrName: string, payload: unknown) => Promise<unknown>;

const INTEGRATION = 'arn:aws:states:::lambda:invoke';

/** Run the task's call; its input and result count against the payload quota, as in AWS. */
export async function invokeTask(invoke: Invoker, stateName: string, resource: string, input: Json): Promise<Json> {
  checkDataLimit(input, `input of state '${stateName}'`);
  const params = (input ?? {}) as { FunctionName?: string; Payload?: Json };
  const viaIntegration = resource.startsWith(INTEGRATION);
  let result: Json;
  try {
    result = ((await invoke(
      viaIntegration ? String(params.FunctionName) : resource,
      viaIntegration ? params.Payload : input,
    )) ?? null) as Json;
  } catch (err) {
    throw lambdaFailure(err);
  }
  checkDataLimit(result, `result of state '${stateName}'`);
  // The integration wraps the function's answer as Lambda's Invoke API returns it.
  return viaIntegration ? { StatusCode: 200, Payload: result } : result;
}
