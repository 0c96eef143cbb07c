/** The meeting workflow's task steps: let time act, and wait for an answer, a change or the next moment. */
import middy from '@middy/core';
import * as z from 'zod/mini';
import { composeWithCalendar } from './calendar-mime';
import { meetingDeps } from './deps';
import { logger } from '../../platform/logger';
import { parse } from '../../platform/validation';
import { advanceMeeting, parkMeeting } from './use-cases';

const StepEvent = z.discriminatedUnion('step', [
  z.object({ step: z.literal('advance'), meetingId: z.string() }),
  z.object({
    step: z.literal('park'),
    meetingId: z.string(),
    taskToken: z.string(),
    version: z.int(),
    wakeAt: z.string(),
  }),
]);

async function handle(event: unknown) {
  const e = parse(StepEvent, event);
  logger.appendKeys({ meetingId: e.meetingId, step: e.step });
  if (e.step === 'advance') return advanceMeeting(meetingDeps(composeWithCalendar), e.meetingId);
  await parkMeeting(meetingDeps(composeWithCalendar), e.meetingId, e.taskToken, e.version, e.wakeAt);
  return { parked: true };
}

export const handler = middy(handle);
