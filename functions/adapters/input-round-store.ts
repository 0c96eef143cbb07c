/** Partner input rounds in DynamoDB: a versioned document per round (see versioned-store.ts). */
import type { InputRound } from '../domain/input-round';
import type { InputRoundStore } from '../services/input-rounds';
import { VersionedStore } from './versioned-store';

export class DynamoInputRoundStore extends VersionedStore<InputRound, InputRound['status']> implements InputRoundStore {
  constructor(table: string) {
    super(table, { prefix: 'INPUT', listPrefix: 'INPUTS', statuses: ['open', 'closed'], sortKey: (r) => r.createdAt });
  }
}
