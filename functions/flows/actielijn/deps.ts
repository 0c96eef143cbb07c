/** The actielijn API's composition root, once per cold start: its store, the directory, the clock. */
import { type ListRequest, pageOfList } from '../../engine/doc-pages';
import type { ActielijnStatus } from './actielijn';
import { DynamoActielijnStore } from './store';
import type { ActielijnDeps } from './use-cases';
import { directoryStore } from '../../engine/deps';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';

let deps: ActielijnDeps | undefined;

export function actielijnDeps(): ActielijnDeps {
  deps ??= { actielijnen: new DynamoActielijnStore(config().tableName), directory: directoryStore(), now };
  return deps;
}

/** One page of the actielijnen, searched by title (engine/doc-pages.ts). */
export const pageActielijnen = (req: ListRequest<ActielijnStatus>) =>
  pageOfList(new DynamoActielijnStore(config().tableName), req, (a) => a.name);
