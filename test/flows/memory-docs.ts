/** A versioned document store in memory, with its audit trail and a parked token, for a flow's use cases. */
import type { AuditEntry } from '../../functions/engine/ports';

export class MemoryDocs<T extends { id: string; version: number }> {
  readonly docs = new Map<string, T>();
  readonly audits: AuditEntry[] = [];
  /** The parked workflow's token per document: a write that takes it gets it once. */
  readonly tokens = new Map<string, string>();

  async get(id: string) {
    const d = this.docs.get(id);
    return d ? structuredClone(d) : null;
  }
  async save(next: T, expected: number, options: { takeToken?: boolean } = {}) {
    if (this.docs.get(next.id)?.version !== expected) return { ok: false as const };
    this.docs.set(next.id, structuredClone(next));
    const takenToken = options.takeToken ? this.tokens.get(next.id) : undefined;
    if (takenToken) this.tokens.delete(next.id);
    return { ok: true as const, ...(takenToken ? { takenToken } : {}) };
  }
  async appendAudit(_id: string, entry: AuditEntry) {
    if (!this.audits.some((a) => a.key === entry.key)) this.audits.push(entry);
  }
}

/** The deps a use case of a flow reads: its store, a clock, and the workflow it wakes. */
export function memoryFlow<T extends { id: string; version: number }>(now: string) {
  const store = new MemoryDocs<T>();
  const resumed: string[] = [];
  const clock = { now: new Date(now) };
  const workflow = { resume: async (token: string) => Boolean(resumed.push(token)) };
  return { store, resumed, clock, workflow, now: () => clock.now };
}
