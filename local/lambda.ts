/** Runs the real handler modules in this process, the way Lambda would call them. */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { functions, type FunctionName } from '../infra/wiring';

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'eu-west-1';

export const functionArn = (fn: FunctionName) =>
  `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:alliance-cycle-${fn}`;

export function functionFromArn(arnOrName: string): FunctionName {
  const name = arnOrName
    .split(':')
    .pop()!
    .replace(/^alliance-cycle-/, '');
  if (!(name in functions))
    throw Object.assign(new Error(`Function not found: ${arnOrName}`), { name: 'Lambda.ResourceNotFoundException' });
  return name as FunctionName;
}

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<FunctionName, Promise<Handler>>();

function load(fn: FunctionName): Promise<Handler> {
  let handler = loaded.get(fn);
  if (!handler) {
    handler = import(resolve(import.meta.dirname, '..', functions[fn].entry)).then((m) => m.handler as Handler);
    loaded.set(fn, handler);
  }
  return handler;
}

/** Told of every invocation and its wall time: the bench counts Lambda cost with it. */
export const invocationObservers = new Set<(fn: FunctionName, ms: number) => void>();

export async function invokeFunction(fn: FunctionName, event: unknown): Promise<unknown> {
  const handler = await load(fn);
  const deadline = Date.now() + functions[fn].timeoutSeconds * 1000;
  const context = {
    functionName: `alliance-cycle-${fn}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(fn),
    memoryLimitInMB: String(functions[fn].memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/local/${fn}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  } as Context;
  const started = performance.now();
  try {
    // Each invocation gets its own copy of the event, as it would after crossing the network.
    return await handler(structuredClone(event), context);
  } finally {
    for (const observe of invocationObservers) observe(fn, performance.now() - started);
  }
}
