/**
 * One factory for every flow's workflow steps Lambda: the state machine passes `step` and the
 * flow's document id; the handler validates that, adds them to the log keys and calls the flow's
 * use case for the step. The loop's own steps (advance, park) are the same for every flow; a flow
 * may add its own (open, finalize, failed).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod/mini';
import { logger } from '../platform/logger';
import { parse } from '../platform/validation';
import { type LoopFacts, nextExecutionName, type WaitPlan, withinLimits } from './workflow-wait';

export interface ParkStep {
  taskToken: string;
  version: number;
  wakeAt: string;
}

export interface FlowSteps<D> {
  advance(deps: D, id: string): Promise<unknown>;
  park(deps: D, id: string, taskToken: string, version: number, wakeAt: string): Promise<void>;
  open?(deps: D, id: string): Promise<unknown>;
  finalize?(deps: D, id: string): Promise<unknown>;
  failed?(deps: D, id: string, error: string): Promise<void>;
  /** Start the execution named `name` that carries the document's flow on (continue as new). */
  continueAs?(deps: D, id: string, name: string): Promise<void>;
}

export function workflowStepsHandler<D extends { now(): Date }>(idField: string, deps: () => D, steps: FlowSteps<D>) {
  const id = { [idField]: z.string() };
  const extra = (['open', 'finalize'] as const).filter((s) => steps[s]);
  const StepEvent = z.discriminatedUnion('step', [
    // A loop that continues as new tells its execution's start and rounds (workflows/timer-loop.asl.json).
    z.object({
      step: z.literal('advance'),
      ...id,
      loop: z.optional(z.object({ startedAt: z.string(), rounds: z.int() })),
    }),
    z.object({ step: z.literal('park'), ...id, taskToken: z.string(), version: z.int(), wakeAt: z.string() }),
    ...extra.map((s) => z.object({ step: z.literal(s), ...id })),
    ...(steps.continueAs ? [z.object({ step: z.literal('continue'), ...id, execution: z.string() })] : []),
    ...(steps.failed ? [z.object({ step: z.literal('failed'), ...id, error: z.optional(z.string()) })] : []),
  ]);

  async function handle(event: unknown) {
    const e = parse(StepEvent, event) as { step: string; error?: string; loop?: LoopFacts } & ParkStep &
      Record<string, string>;
    const docId = e[idField];
    logger.appendKeys({ [idField]: docId, step: e.step });
    const d = deps();
    switch (e.step) {
      case 'park':
        await steps.park(d, docId, e.taskToken, e.version, e.wakeAt);
        return { parked: true };
      case 'failed':
        await steps.failed!(d, docId, e.error ?? 'unknown');
        return { reported: true };
      case 'open':
      case 'finalize':
        return steps[e.step]!(d, docId);
      case 'continue': {
        const name = nextExecutionName(docId, e.execution);
        await steps.continueAs!(d, docId, name);
        logger.info('workflow continues as a new execution', { from: e.execution, to: name });
        return { continuedAs: name };
      }
      case 'advance': {
        const plan = (await steps.advance(d, docId)) as WaitPlan;
        return e.loop ? withinLimits(plan, e.loop, d.now()) : plan;
      }
    }
  }

  // The keys are this invocation's: without the reset a warm function (locally, every function of
  // the one process) would print the last document's id on unrelated lines.
  return middy(handle).use(injectLambdaContext(logger, { resetKeys: true }));
}
