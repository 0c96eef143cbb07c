/** Scheduled tick (daily): one workflow for each coming meeting of every active series. */
import middy from '@middy/core';
import { meetingDeps } from '../lib/meeting-deps';
import { planMeetings } from '../services/meetings';

export const handler = middy(() => planMeetings(meetingDeps()));
