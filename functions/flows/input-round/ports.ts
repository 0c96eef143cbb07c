/** The input round's own store and what its use cases get: the follow-up flow's deps, for escalations. */
import type { VersionedDocs } from '../../engine/ports';
import type { FollowUpDeps } from '../follow-up';
import type { InputRound } from './input-round';

export type InputRoundStore = VersionedDocs<InputRound, InputRound['status']>;

export interface InputRoundDeps extends Omit<FollowUpDeps, 'items' | 'workflow'> {
  inputs: InputRoundStore;
  workflow: FollowUpDeps['workflow'] & { startInputRound(id: string, name?: string): Promise<void> };
  followUps: FollowUpDeps;
}
