/** The input-round workflow's task steps: ask the partners, let time act, wait for the next moment. */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { inputRoundDeps } from './deps';
import { logger } from '../../platform/logger';
import { parse } from '../../platform/validation';
import { advanceInput, openInput, parkInput } from './use-cases';

const StepEvent = z.discriminatedUnion('step', [
  z.object({ step: z.literal('open'), inputRoundId: z.string() }),
  z.object({ step: z.literal('advance'), inputRoundId: z.string() }),
  z.object({
    step: z.literal('park'),
    inputRoundId: z.string(),
    taskToken: z.string(),
    version: z.int(),
    wakeAt: z.string(),
  }),
]);

async function handle(event: unknown) {
  const e = parse(StepEvent, event);
  logger.appendKeys({ inputRoundId: e.inputRoundId, step: e.step });
  const deps = inputRoundDeps();
  if (e.step === 'open') return openInput(deps, e.inputRoundId);
  if (e.step === 'advance') return advanceInput(deps, e.inputRoundId);
  await parkInput(deps, e.inputRoundId, e.taskToken, e.version, e.wakeAt);
  return { parked: true };
}

export const handler = middy(handle);
