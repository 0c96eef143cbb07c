/** The follow-up workflow's task steps: let time act, and wait for an answer or the next moment. */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { followUpDeps } from './deps';
import { logger } from '../../platform/logger';
import { parse } from '../../platform/validation';
import { advanceFollowUp, parkFollowUp } from './use-cases';

const StepEvent = z.discriminatedUnion('step', [
  z.object({ step: z.literal('advance'), itemId: z.string() }),
  z.object({
    step: z.literal('park'),
    itemId: z.string(),
    taskToken: z.string(),
    version: z.int(),
    wakeAt: z.string(),
  }),
]);

async function handle(event: unknown) {
  const e = parse(StepEvent, event);
  logger.appendKeys({ itemId: e.itemId, step: e.step });
  if (e.step === 'advance') return advanceFollowUp(followUpDeps(), e.itemId);
  await parkFollowUp(followUpDeps(), e.itemId, e.taskToken, e.version, e.wakeAt);
  return { parked: true };
}

export const handler = middy(handle);
