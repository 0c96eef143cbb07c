/** The input round's composition root: its store on the shared engine deps, once per cold start. */
import { flowDeps, workflowGateway } from '../../engine/deps';
import { config } from '../../platform/config';
import { followUpDeps } from '../follow-up';
import { DynamoInputRoundStore } from './store';
import type { InputRoundDeps } from './ports';

let deps: InputRoundDeps | undefined;

export function inputRoundDeps(): InputRoundDeps {
  deps ??= {
    ...flowDeps(),
    inputs: new DynamoInputRoundStore(config().tableName),
    workflow: workflowGateway(),
    followUps: followUpDeps(),
  };
  return deps;
}
