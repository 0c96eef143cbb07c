/** Partner input rounds in DynamoDB: a versioned document per round (see versioned-store.ts). */
import type { InputRound } from './input-round';
import type { InputRoundStore } from './ports';
import { VersionedStore } from '../../engine/versioned-store';

export class DynamoInputRoundStore extends VersionedStore<InputRound, InputRound['status']> implements InputRoundStore {
  constructor(table: string) {
    super(table, { prefix: 'INPUT', listPrefix: 'INPUTS', statuses: ['open', 'closed'], sortKey: (r) => r.createdAt });
  }
}
