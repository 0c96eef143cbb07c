/**
 * The cycle API's composition root, once per cold start: its store, the directory and the shipped
 * templates (checked at load: a broken template fails the cold start, not a request). Only what the
 * cycle uses, not the shared flow deps: no mailer or workflow client (yet) in this bundle.
 */
import { directoryStore } from '../../engine/deps';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import type { CycleDeps } from './office';
import { DynamoCycleStore } from './store';
import { loadTemplates } from './templates';

let deps: CycleDeps | undefined;

export function cycleDeps(): CycleDeps {
  deps ??= {
    cycles: new DynamoCycleStore(config().tableName),
    directory: directoryStore(),
    templates: loadTemplates(),
    now,
  };
  return deps;
}
