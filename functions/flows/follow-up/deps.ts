/** The follow-up flow's composition root: its store on the shared engine deps, once per cold start. */
import { flowDeps, workflowGateway } from '../../engine/deps';
import { config } from '../../platform/config';
import { DynamoItemStore } from './store';
import type { FollowUpDeps } from './use-cases';

let deps: FollowUpDeps | undefined;

export function followUpDeps(): FollowUpDeps {
  deps ??= { ...flowDeps(), items: new DynamoItemStore(config().tableName), workflow: workflowGateway() };
  return deps;
}

/** One page of the action items, searched by title (engine/versioned-store.ts page()). */
export const pageFollowUps = (req: Parameters<DynamoItemStore['page']>[0]) =>
  new DynamoItemStore(config().tableName).page(req, (i) => i.what);
