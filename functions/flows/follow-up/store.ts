/** Action items in DynamoDB: a versioned document per item (see versioned-store.ts for the access patterns). */
import { WAITING_STATUSES, type ActionItem, type ItemStatus } from './follow-up';
import type { ItemStore } from './use-cases';
import { VersionedStore } from '../../engine/versioned-store';

export class DynamoItemStore extends VersionedStore<ActionItem, ItemStatus> implements ItemStore {
  constructor(table: string) {
    super(table, {
      prefix: 'ITEM',
      listPrefix: 'ITEMS',
      statuses: ['open', 'blocked', 'awaiting-approval', 'done', 'returned', 'cancelled'],
      sortKey: (i) => i.due,
      waitingStatuses: WAITING_STATUSES,
    });
  }
}
