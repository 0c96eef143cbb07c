/** The calendar's composition root: its feed store, the link keys, the clock and the public address. */
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import { linkKeyLoader } from '../../platform/link-keys';
import type { FeedDeps } from './feed';
import { DynamoFeedStore } from './feed-store';

let deps: FeedDeps | undefined;

export function feedDeps(): FeedDeps {
  if (!deps) {
    const c = config();
    deps = {
      store: new DynamoFeedStore(c.tableName),
      linkKeys: linkKeyLoader({ secretArn: c.linkKeysSecretArn, file: c.linkKeysFile }),
      now,
      publicBaseUrl: c.publicBaseUrl,
    };
  }
  return deps;
}
