/** The approval round's composition root: its store on the shared engine deps, once per cold start. */
import { type ListRequest, pageOfList } from '../../engine/doc-pages';
import type { RoundStatus } from './round';
import { flowDeps, workflowGateway } from '../../engine/deps';
import { config } from '../../platform/config';
import type { RoundDeps } from './ports';
import { DynamoRoundStore } from './store';

let deps: RoundDeps | undefined;

export function roundDeps(): RoundDeps {
  deps ??= { ...flowDeps(), rounds: new DynamoRoundStore(config().tableName), workflow: workflowGateway() };
  return deps;
}

/** One page of the rounds, searched by title (engine/doc-pages.ts). */
export const pageRounds = (req: ListRequest<RoundStatus>) =>
  pageOfList(new DynamoRoundStore(config().tableName), req, (r) => r.title);
