/** The approval round's own store and what its use cases get; the shared ports are the engine's. */
import type { FlowDeps, VersionedDocs, WorkflowGateway } from '../../engine/ports';
import type { Round, RoundStatus } from './round';

export interface RoundStore extends VersionedDocs<Round, RoundStatus> {
  /** A body's closed rounds, newest first, at most `limit` (for its public page). */
  listClosedByBody(bodyId: string, limit: number): Promise<Round[]>;
  /** Make a closed round of a body findable by its body; the same again changes nothing. */
  indexClosed(round: Round): Promise<void>;
}

export interface RoundDeps extends FlowDeps {
  rounds: RoundStore;
  workflow: WorkflowGateway;
}
