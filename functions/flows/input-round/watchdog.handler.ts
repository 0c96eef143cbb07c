/** Daily: input rounds whose workflow stopped are carried on or handed to the office (engine/watchdog.ts). */
import { inputRoundDeps } from './deps';
import { watchedInputRounds } from './watchdog';
import { workflowGateway } from '../../engine/deps';
import { watchdogHandler } from '../../engine/watchdog-handler';

export const handler = watchdogHandler('input-round', () => {
  const deps = inputRoundDeps();
  return { flow: watchedInputRounds(deps, () => workflowGateway().runningExecutions('inputRound')), now: deps.now() };
});
