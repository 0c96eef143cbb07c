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

/** One page of the input rounds, searched by title (engine/versioned-store.ts page()). */
export const pageInputRounds = (req: Parameters<DynamoInputRoundStore['page']>[0]) =>
  new DynamoInputRoundStore(config().tableName).page(req, (r) => r.title);
