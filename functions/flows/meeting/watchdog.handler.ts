/** Daily: meetings whose workflow stopped are carried on or handed to the office (engine/watchdog.ts). */
import { workflowGateway } from '../../engine/deps';
import { watchdogHandler } from '../../engine/watchdog-handler';
import { meetingDeps } from './deps';
import { watchedMeetings } from './watchdog';

export const handler = watchdogHandler('meeting', () => {
  const deps = meetingDeps();
  return { flow: watchedMeetings(deps, () => workflowGateway().runningExecutions('meeting')), now: deps.now() };
});
