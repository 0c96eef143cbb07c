/** Daily: cycles whose workflow stopped are carried on or handed to the office (engine/watchdog.ts). */
import { DynamoCycleStore } from './store';
import { watchedCycles } from './watchdog';
import { flowDeps, workflowGateway } from '../../engine/deps';
import { watchdogHandler } from '../../engine/watchdog-handler';
import { config } from '../../platform/config';

let store: DynamoCycleStore | undefined;

export const handler = watchdogHandler('cycle', () => {
  const deps = { ...flowDeps(), workflow: workflowGateway() };
  store ??= new DynamoCycleStore(config().tableName);
  return { flow: watchedCycles(deps, store, () => workflowGateway().runningExecutions('cycle')), now: deps.now() };
});
