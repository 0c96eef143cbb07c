/** The input round's composition root: its store on the shared engine deps, once per cold start. */
import { type ListRequest, pageOfList } from '../../engine/doc-pages';
import type { InputRound } from './input-round';
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

/** One page of the input rounds, searched by title (engine/doc-pages.ts). */
export const pageInputRounds = (req: ListRequest<InputRound['status']>) =>
  pageOfList(new DynamoInputRoundStore(config().tableName), req, (r) => r.title);
