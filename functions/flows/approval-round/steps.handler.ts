/**
 * The approval-round workflow's task steps, one Lambda for the whole state machine: the
 * state machine passes `step` and the handler calls the one service for it.
 */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { parse } from '../../platform/validation';
import { advanceRound, finalizeRound, openRound, parkRound, reportWorkflowFailure } from './use-cases';
import { roundDeps } from './deps';
import { logger } from '../../platform/logger';

const StepEvent = z.discriminatedUnion('step', [
  z.object({ step: z.literal('open'), roundId: z.string() }),
  z.object({ step: z.literal('advance'), roundId: z.string() }),
  z.object({
    step: z.literal('park'),
    roundId: z.string(),
    taskToken: z.string(),
    version: z.int(),
    wakeAt: z.string(),
  }),
  z.object({ step: z.literal('finalize'), roundId: z.string() }),
  z.object({ step: z.literal('failed'), roundId: z.string(), error: z.optional(z.string()) }),
]);

async function handle(event: unknown) {
  const e = parse(StepEvent, event);
  const deps = roundDeps();
  logger.appendKeys({ roundId: e.roundId, step: e.step });
  switch (e.step) {
    case 'open':
      return openRound(deps, e.roundId);
    case 'advance':
      return advanceRound(deps, e.roundId);
    case 'park':
      await parkRound(deps, e.roundId, e.taskToken, e.version, e.wakeAt);
      return { parked: true };
    case 'finalize':
      return finalizeRound(deps, e.roundId);
    case 'failed':
      await reportWorkflowFailure(deps, e.roundId, e.error ?? 'unknown');
      return { reported: true };
  }
}

export const handler = middy(handle);
