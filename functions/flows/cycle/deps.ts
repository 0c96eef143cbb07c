/**
 * The cycle API's composition root, once per cold start: its store, the directory, the shipped
 * templates (checked at load: a broken template fails the cold start, not a request) and the
 * workflow gateway (the cycle's own workflow). Not the shared flow deps: no mailer in this bundle.
 */
import { type ListRequest, pageOfList } from '../../engine/doc-pages';
import type { CycleStatus } from './cycle';
import { directoryStore, workflowGateway } from '../../engine/deps';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import type { CycleDeps } from './office';
import { DynamoCycleStore } from './store';
import { loadTemplates } from './templates';
import { actielijnDeps, findActielijn } from '../actielijn';

let deps: CycleDeps | undefined;

export function cycleDeps(): CycleDeps {
  deps ??= {
    cycles: new DynamoCycleStore(config().tableName),
    directory: directoryStore(),
    templates: loadTemplates(),
    workflow: workflowGateway(),
    // What a cycle may be about (subject.ts); inline, so this bundle carries no follow-up (subject-flows.ts).
    actielijnen: { actielijnName: async (id) => (await findActielijn(actielijnDeps(), id))?.name ?? null },
    now,
  };
  return deps;
}

/** One page of the cycles, searched by title (engine/doc-pages.ts). */
export const pageCycles = (req: ListRequest<CycleStatus>) =>
  pageOfList(new DynamoCycleStore(config().tableName), req, (c) => `${c.name.nl} ${c.name.en}`);
