/** The approval round's composition root: its store on the shared engine deps, once per cold start. */
import { flowDeps, workflowGateway } from '../../engine/deps';
import { config } from '../../platform/config';
import type { RoundDeps } from './ports';
import { DynamoRoundStore } from './store';

let deps: RoundDeps | undefined;

export function roundDeps(): RoundDeps {
  deps ??= { ...flowDeps(), rounds: new DynamoRoundStore(config().tableName), workflow: workflowGateway() };
  return deps;
}

/** One page of the round, searched by title (engine/versioned-store.ts page()). */
export const pageRounds = (req: Parameters<DynamoRoundStore['page']>[0]) =>
  new DynamoRoundStore(config().tableName).page(req, (r) => r.title);
