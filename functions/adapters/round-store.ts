/** Rounds in DynamoDB: a versioned document per round (see versioned-store.ts for the access patterns). */
import type { Round, RoundStatus } from '../domain/round';
import type { RoundStore } from '../services/ports';
import { VersionedStore } from './versioned-store';

export class DynamoRoundStore extends VersionedStore<Round, RoundStatus> implements RoundStore {
  constructor(table: string) {
    super(table, { prefix: 'ROUND', listPrefix: 'ROUNDS', statuses: ['open', 'closed'], sortKey: (r) => r.createdAt });
  }
}
