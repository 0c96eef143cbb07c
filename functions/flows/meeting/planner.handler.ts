/**
 * Scheduled tick (daily): one workflow for each coming meeting of every active series. The safety
 * net for meetings whose workflow stopped or missed a moment is the meeting watchdog (watchdog.ts).
 */
import middy from '@middy/core';
import { composeWithCalendar } from './calendar-mime';
import { meetingDeps } from './deps';
import { planMeetings } from './use-cases';

export const handler = middy(() => planMeetings(meetingDeps(composeWithCalendar)));
