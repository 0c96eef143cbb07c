/** In-memory stand-ins for the cycle's ports: a versioned store with its audit trail, the directory, a clock. */
import type { Cycle } from '../../../functions/flows/cycle/cycle';
import type { CycleDeps, CycleStore } from '../../../functions/flows/cycle/office';
import { loadTemplates } from '../../../functions/flows/cycle/templates';
import type { AuditEntry } from '../../../functions/engine/ports';
import { ConflictError } from '../../../functions/platform/errors';

/** Kept as copies, so a use case that changes what it read changes nothing stored. */
export class MemoryCycles implements CycleStore {
  readonly docs = new Map<string, Cycle>();
  readonly audits = new Map<string, AuditEntry[]>();
  /** Set to make the next save lose to a writer in between (its version moves on). */
  writerInBetween = false;

  async create(doc: Cycle) {
    if (this.docs.has(doc.id)) throw new ConflictError(`cycle ${doc.id} exists`);
    this.docs.set(doc.id, structuredClone(doc));
  }
  async get(id: string) {
    const doc = this.docs.get(id);
    return doc ? structuredClone(doc) : null;
  }
  async list(status?: Cycle['status']) {
    return [...this.docs.values()]
      .filter((c) => !status || c.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((c) => structuredClone(c));
  }
  /** The parked workflow's token and wake moment, per cycle (engine/versioned-store.ts keeps them on the item). */
  readonly parked = new Map<string, { token: string; wakeAt: string }>();

  async save(next: Cycle, expectedVersion: number, options: { takeToken?: boolean } = {}) {
    const stored = this.docs.get(next.id);
    if (this.writerInBetween && stored) {
      this.writerInBetween = false;
      this.docs.set(next.id, { ...stored, version: stored.version + 1 });
      return { ok: false as const };
    }
    if (!stored || stored.version !== expectedVersion) return { ok: false as const };
    this.docs.set(next.id, structuredClone(next));
    const takenToken = options.takeToken ? this.parked.get(next.id)?.token : undefined;
    if (takenToken) this.parked.delete(next.id);
    return { ok: true as const, ...(takenToken ? { takenToken } : {}) };
  }
  async park(id: string, token: string, expectedVersion: number, wakeAt: string) {
    const stored = this.docs.get(id);
    if (!stored || stored.version !== expectedVersion || !['planned', 'running'].includes(stored.status)) return false;
    this.parked.set(id, { token, wakeAt });
    return true;
  }
  async parkedUntil(id: string) {
    return this.parked.get(id)?.wakeAt ?? null;
  }
  async appendAudit(id: string, entry: AuditEntry) {
    const list = this.audits.get(id) ?? [];
    if (!list.some((e) => e.key === entry.key)) list.push(entry);
    this.audits.set(id, list);
  }
  async listAudit(id: string) {
    return [...(this.audits.get(id) ?? [])];
  }
}

/** The cycle's workflow as calls: which executions started, which tokens were resumed. */
export class FakeCycleWorkflow {
  readonly started: string[] = [];
  readonly resumed: string[] = [];
  async startCycle(id: string, name = id) {
    this.started.push(name);
  }
  async resume(token: string) {
    this.resumed.push(token);
    return true;
  }
}

const person = (id: string, active = true) => ({
  id,
  name: id,
  email: `${id}@example.org`,
  lang: 'nl' as const,
  kind: 'resident' as const,
  active,
});

/** Deps on the shipped templates, a small directory and a clock the test moves (`clock.now`). */
export function fakeDeps(at = '2026-11-02T09:00:00Z') {
  const cycles = new MemoryCycles();
  const clock = { now: new Date(at) };
  const people = new Map(['p-samira', 'p-pieter', 'p-ria', 'p-hamid', 'p-anouk'].map((id) => [id, person(id)]));
  people.set('p-gone', person('p-gone', false));
  const actielijnNames = new Map([['al-cooperatieven', 'Coöperatieven']]);
  const deps: CycleDeps = {
    cycles,
    directory: {
      getPerson: async (id) => people.get(id) ?? null,
      listOrganisations: async () => [
        { id: 'woon', name: 'Woon!', kind: 'housing', contactIds: ['p-ruben'] },
        { id: 'eigenwijks', name: 'Eigenwijks', kind: 'foundation', contactIds: ['p-fatima'] },
        { id: 'leeg', name: 'Zonder contact', kind: 'other', contactIds: [] },
      ],
    },
    templates: loadTemplates(),
    workflow: new FakeCycleWorkflow(),
    actielijnen: { actielijnName: async (id) => actielijnNames.get(id) ?? null },
    now: () => clock.now,
  };
  return { deps, cycles, clock, workflow: deps.workflow as FakeCycleWorkflow };
}

/** The SPUK application for the board meeting of Friday 24 September 2027, every role filled. */
export const spukRequest = () => ({
  templateId: 'spuk-application',
  anchors: { boardMeeting: '2027-09-24T16:00:00+02:00', ministryDeadline: '2027-10-15T17:00:00+02:00' },
  assignments: {
    programmeTeam: { personIds: ['p-samira', 'p-pieter'] },
    partners: { organisationIds: ['woon', 'eigenwijks'] },
    residents: { personIds: ['p-ria', 'p-hamid'] },
    kerngroep: { personIds: ['p-samira'] },
    board: { personIds: ['p-anouk', 'p-ria'] },
    submitter: { personIds: ['p-pieter'] },
  },
  changes: [] as never[],
});
