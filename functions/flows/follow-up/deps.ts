/** The follow-up flow's composition root: its store on the shared engine deps, once per cold start. */
import { type ListRequest, pageOfList } from '../../engine/doc-pages';
import type { ItemStatus } from './follow-up';
import { flowDeps, workflowGateway } from '../../engine/deps';
import { config } from '../../platform/config';
import { DynamoItemStore } from './store';
import type { FollowUpDeps } from './use-cases';

let deps: FollowUpDeps | undefined;

export function followUpDeps(): FollowUpDeps {
  deps ??= { ...flowDeps(), items: new DynamoItemStore(config().tableName), workflow: workflowGateway() };
  return deps;
}

/** One page of the action items, searched by title (engine/doc-pages.ts). */
export const pageFollowUps = (req: ListRequest<ItemStatus>) =>
  pageOfList(new DynamoItemStore(config().tableName), req, (i) => i.what);
