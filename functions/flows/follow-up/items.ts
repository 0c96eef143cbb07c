/**
 * The ports of the follow-up flow and the few moves every use case makes on an item: load it,
 * change it as a versioned document, and put what happened on its record.
 */
import type { ActionItem } from './follow-up';
import { NotFoundError } from '../../platform/errors';
import { mutateVersioned } from '../../engine/versioned-write';
import type { FlowDeps, VersionedDocs } from '../../engine/ports';

export type ItemStore = VersionedDocs<ActionItem, ActionItem['status']>;

export interface FollowUpDeps extends FlowDeps {
  items: ItemStore;
  /** Reminders, status questions and escalations go through each person's reminder budget (`reminders`). */
  workflow: {
    /** `name`: the execution's name when it is not the item's id (continued as new, or restarted). */
    startFollowUp(itemId: string, name?: string): Promise<void>;
    /** True when a workflow was waiting on the token. */
    resume(token: string, output: Record<string, unknown>): Promise<boolean>;
  };
}

export async function loadItem(deps: FollowUpDeps, id: string): Promise<ActionItem> {
  const item = await deps.items.get(id);
  if (!item) throw new NotFoundError('follow-up', id);
  return item;
}

/** `takeToken`: the change is one the workflow must see, so the writer takes its task token to resume it. */
export function mutateItem(
  deps: FollowUpDeps,
  id: string,
  change: (item: ActionItem) => ActionItem | null,
  takeToken = false,
) {
  return mutateVersioned({ load: (x) => loadItem(deps, x), save: (n, v, o) => deps.items.save(n, v, o) }, id, change, {
    takeToken: () => takeToken,
    maxAttempts: 30,
  });
}

/** Audit keys are deterministic (a retried step writes its record once); `key` names the moment. */
export const audit = (
  deps: FollowUpDeps,
  id: string,
  key: string,
  kind: string,
  actor: string,
  details?: Record<string, unknown>,
) => deps.items.appendAudit(id, { key, at: deps.now().toISOString(), kind, actor, details });

/** The audit key of a change by a person: the item's new version, so each change is on record once. */
export const changeKey = (item: ActionItem, by: 'answer' | 'office') =>
  `v${String(item.version).padStart(6, '0')}:${by}`;
