/** How a Task state calls Lambda, directly or through the optimised `lambda:invoke` integration. */
import type { Json } from './callbacks';

/** Calls a Lambda function by its ARN or name (local mode: the handler module in this process). */
export type Invoker = (functionArnOrName: string, payload: unknown) => Promise<unknown>;

const INTEGRATION = 'arn:aws:states:::lambda:invoke';

/** Run the task's call. */
export async function invokeTask(invoke: Invoker, _stateName: string, resource: string, input: Json): Promise<Json> {
  const params = (input ?? {}) as { FunctionName?: string; Payload?: Json };
  const viaIntegration = resource.startsWith(INTEGRATION);
  const result: Json = ((await invoke(
    viaIntegration ? String(params.FunctionName) : resource,
    viaIntegration ? params.Payload : input,
  )) ?? null) as Json;
  // The integration wraps the function's answer as Lambda's Invoke API returns it.
  return viaIntegration ? { StatusCode: 200, Payload: result } : result;
}
