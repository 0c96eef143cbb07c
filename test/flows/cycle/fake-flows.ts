/** The other flows as a map for the cycle's step: the id derives from actor and key, as platform/keyed-create.ts does. */
import type { FlowState, StartRequest } from '../../../functions/flows/cycle/run';
import type { FlowKind } from '../../../functions/flows/cycle/status';
import { ConflictError, ValidationError } from '../../../functions/platform/errors';

export class FakeFlows {
  readonly made = new Map<string, { kind: FlowKind; req: StartRequest; state: FlowState; stopped?: string }>();
  readonly moves: { id: string; due: string; reason: string }[] = [];
  refuse = false;
  /** The flow refuses a move to an earlier date, as an approval round's extendDeadline does. */
  refuseEarlier = false;
  async start(kind: FlowKind, req: StartRequest, actor: string, key: string) {
    if (this.refuse) throw new ValidationError({ due: 'the due date must lie in the future' });
    const id = `${kind}:${actor}:${key}`;
    if (!this.made.has(id)) this.made.set(id, { kind, req, state: { ended: null, due: req.due } });
    return id;
  }
  async read(_kind: FlowKind, id: string) {
    return this.made.get(id)!.state;
  }
  async move(_kind: FlowKind, id: string, due: string, reason: string) {
    const m = this.made.get(id)!;
    if (m.state.ended) throw new ConflictError('closed');
    if (this.refuseEarlier && Date.parse(due) < Date.parse(m.state.due!))
      throw new ValidationError({ deadline: 'the new deadline must lie after the current deadline' });
    this.moves.push({ id, due, reason });
    m.state = { ...m.state, due };
  }
  async stop(_kind: FlowKind, id: string, reason: string) {
    const m = this.made.get(id)!;
    if (m.state.ended) throw new ConflictError('closed');
    m.stopped = reason;
    m.state = { ended: 'done' };
  }
  end(phase: string, state: FlowState) {
    this.made.get(this.idOf(phase))!.state = state;
  }
  idOf(phase: string) {
    return [...this.made.keys()].find((k) => k.endsWith(`:${phase}`))!;
  }
}
