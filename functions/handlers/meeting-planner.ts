/**
 * Scheduled tick (daily): one workflow for each coming meeting of every active series, and the
 * safety net for meetings whose workflow should have acted by now.
 */
import middy from '@middy/core';
import { composeWithCalendar } from '../adapters/calendar-mime';
import { meetingDeps } from '../lib/meeting-deps';
import { planMeetings, watchMeetings } from '../services/meetings';

export const handler = middy(async () => ({
  ...(await planMeetings(meetingDeps(composeWithCalendar))),
  ...(await watchMeetings(meetingDeps(composeWithCalendar))),
}));
