/** In-memory stand-ins for the actielijn's ports: a versioned store with its audit trail, the directory, a clock. */
import type { Actielijn } from '../../../functions/flows/actielijn/actielijn';
import type { ActielijnDeps, ActielijnStore } from '../../../functions/flows/actielijn/use-cases';
import type { AuditEntry } from '../../../functions/engine/ports';
import { ConflictError } from '../../../functions/platform/errors';

/** Kept as copies, so a use case that changes what it read changes nothing stored. */
export class MemoryActielijnen implements ActielijnStore {
  readonly docs = new Map<string, Actielijn>();
  readonly audits = new Map<string, AuditEntry[]>();
  /** Set to make the next save lose to a writer in between (its version moves on). */
  writerInBetween = false;

  async create(doc: Actielijn) {
    if (this.docs.has(doc.id)) throw new ConflictError(`actielijn ${doc.id} exists`);
    this.docs.set(doc.id, structuredClone(doc));
  }
  async get(id: string) {
    const doc = this.docs.get(id);
    return doc ? structuredClone(doc) : null;
  }
  async list(status?: Actielijn['status']) {
    return [...this.docs.values()]
      .filter((a) => !status || a.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((a) => structuredClone(a));
  }
  async save(next: Actielijn, expectedVersion: number) {
    const stored = this.docs.get(next.id);
    if (this.writerInBetween && stored) {
      this.writerInBetween = false;
      this.docs.set(next.id, { ...stored, version: stored.version + 1 });
      return { ok: false as const };
    }
    if (!stored || stored.version !== expectedVersion) return { ok: false as const };
    this.docs.set(next.id, structuredClone(next));
    return { ok: true as const };
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

export function fakeActielijnDeps(at = '2026-11-02T09:00:00Z') {
  const actielijnen = new MemoryActielijnen();
  const clock = { now: new Date(at) };
  const deps: ActielijnDeps = {
    actielijnen,
    directory: {
      getPerson: async (id) =>
        id === 'p-samira'
          ? { id, name: 'Samira', email: 's@example.org', lang: 'nl', kind: 'programme-office', active: true }
          : null,
      listOrganisations: async () => [
        { id: 'woon', name: 'Woon!', kind: 'housing', contactIds: ['p-ruben'] },
        { id: 'nexum', name: 'Nexum', kind: 'foundation', contactIds: ['p-fatima'] },
        { id: 'weg', name: 'Opgeheven', kind: 'other', contactIds: [], active: false },
      ],
    },
    now: () => clock.now,
  };
  return { deps, actielijnen, clock };
}

/** Coöperatieven (seed 003, opgave community wealth building), with Nexum as trekker. */
export const cooperatieven = () => ({
  name: 'Coöperatieven',
  opgave: 'Community wealth building',
  trekkerOrganisationIds: ['nexum'],
  contactPersonId: 'p-samira',
  parties: ['Bewoners van de buurt', 'Woon!'],
  residentOwnership: 'Bewoners zijn lid en eigenaar van de coöperatie.',
  result: 'Twee coöperatieven van bewoners die werk en inkomen in de buurt houden.',
  risks: 'Startgeld is nog niet rond.',
});
