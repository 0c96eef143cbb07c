/**
 * Runs the real handler modules in this process, the way Lambda would call them: synchronously
 * (`RequestResponse`: Step Functions tasks, the HTTP API) or asynchronously (`Event`: EventBridge
 * Scheduler and EventBridge rules). A function with reserved concurrency never runs more at once;
 * beyond it a synchronous call is refused, as Lambda answers 429, and an asynchronous one waits in
 * the function's queue, as Lambda keeps a throttled event and tries it again (docs/local-mode.md).
 */
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

/** `RequestResponse` waits for the result; `Event` is Lambda's asynchronous invocation (queued). */
export type InvocationType = 'RequestResponse' | 'Event';

/**
 * A function's reserved concurrency: at most `limit` invocations at once. A synchronous call over
 * it is refused with Lambda's throttling error; an asynchronous one waits for a free slot, in the
 * order they came. Lambda instead returns a throttled event to its queue and tries it again after
 * 1 s, doubling up to 5 minutes, for up to 6 hours: the same events run, here as soon as a slot is
 * free, in Lambda whenever a retry finds one (so there some wait minutes longer, in any order).
 */
export class ReservedConcurrency {
  running = 0;
  /** The most invocations that ran at once since the last `resetPeak`. */
  peak = 0;
  /** Invocations that found every slot taken (refused, or waited): Lambda's `Throttles` metric. */
  throttles = 0;
  private waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** A slot for one invocation, waited for (`Event`) or refused at once (`RequestResponse`). */
  async acquire(type: InvocationType, fn: string): Promise<void> {
    if (this.running < this.limit) {
      this.running += 1;
      this.peak = Math.max(this.peak, this.running);
      return;
    }
    this.throttles += 1;
    if (type === 'RequestResponse')
      throw Object.assign(new Error(`Rate Exceeded. (${fn}: reserved concurrency ${this.limit} in use)`), {
        name: 'Lambda.TooManyRequestsException',
        Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        statusCode: 429,
      });
    // The slot is handed over by `release`, so the count never drops below what runs.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  resetPeak(): void {
    this.peak = this.running;
  }
}

/** Each function with reserved concurrency (the wiring's `reservedConcurrency`) and its slots. */
export const reserved: Partial<Record<FunctionName, ReservedConcurrency>> = Object.fromEntries(
  (Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]).flatMap(([fn, spec]) =>
    spec.reservedConcurrency === undefined ? [] : [[fn, new ReservedConcurrency(spec.reservedConcurrency)]],
  ),
);

export async function invokeFunction(
  fn: FunctionName,
  event: unknown,
  type: InvocationType = 'RequestResponse',
): Promise<unknown> {
  const slots = reserved[fn];
  if (slots) await slots.acquire(type, fn);
  try {
    return await run(fn, event);
  } finally {
    slots?.release();
  }
}

async function run(fn: FunctionName, event: unknown): Promise<unknown> {
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
