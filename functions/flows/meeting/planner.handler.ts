/**
 * Scheduled tick (daily): one workflow for each coming meeting of every active series, and the
 * safety net for meetings whose workflow should have acted by now.
 */
import middy from '@middy/core';
import { composeWithCalendar } from './calendar-mime';
import { meetingDeps } from './deps';
import { planMeetings, watchMeetings } from './use-cases';

export const handler = middy(async () => ({
  ...(await planMeetings(meetingDeps(composeWithCalendar))),
  ...(await watchMeetings(meetingDeps(composeWithCalendar))),
}));
