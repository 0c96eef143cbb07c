/** Daily: action items whose workflow stopped are carried on or handed to the office (engine/watchdog.ts). */
import { followUpDeps } from './deps';
import { watchedFollowUps } from './watchdog';
import { workflowGateway } from '../../engine/deps';
import { watchdogHandler } from '../../engine/watchdog-handler';

export const handler = watchdogHandler('follow-up', () => {
  const deps = followUpDeps();
  return { flow: watchedFollowUps(deps, () => workflowGateway().runningExecutions('followUp')), now: deps.now() };
});
