/**
 * A person's registrations for their export and erasure (AVG), found by their email address through
 * the store's address index (no scan): the directory's personal-data use cases call these.
 */
import { normalEmail, type Registration } from './event';
import { withoutContact } from './retention';
import type { DynamoEventStore } from './store';
import { mutateVersioned } from '../../engine/versioned-write';

/** What the export and the erasure use of the store. */
export interface PersonEventDeps {
  events: Pick<DynamoEventStore, 'registrationsOf' | 'get' | 'save' | 'unindexRegistration'>;
  now: () => Date;
}

export interface PersonRegistration {
  eventId: string;
  title: string;
  start: string;
  registration: Registration;
}

export async function registrationsOfAddress(
  deps: Pick<PersonEventDeps, 'events'>,
  email: string,
): Promise<PersonRegistration[]> {
  const found: PersonRegistration[] = [];
  for (const ref of await deps.events.registrationsOf(email)) {
    const e = await deps.events.get(ref.eventId);
    const r = e?.registrations.find((x) => x.id === ref.registrationId && x.email === normalEmail(email));
    if (e && r) found.push({ eventId: e.id, title: e.title, start: e.start, registration: r });
  }
  return found;
}

/** Remove the name and address from each of their registrations; the counts stay. Returns how many. */
export async function eraseRegistrationsOfAddress(deps: PersonEventDeps, email: string): Promise<number> {
  const refs = await deps.events.registrationsOf(email);
  const at = deps.now().toISOString();
  let erased = 0;
  for (const ref of refs) {
    const saved = await mutateVersioned(
      {
        load: async (id) => {
          const e = await deps.events.get(id);
          if (!e) throw new Error(`event ${id} is gone`);
          return e;
        },
        save: (n, v) => deps.events.save(n, v),
      },
      ref.eventId,
      (e) => {
        const r = e.registrations.find((x) => x.id === ref.registrationId);
        if (!r || r.erasedAt) return null;
        return {
          ...e,
          registrations: e.registrations.map((x) => (x.id === r.id ? withoutContact(x, at) : x)),
          version: e.version + 1,
        };
      },
    );
    if (saved) erased++;
    await deps.events.unindexRegistration(email, ref);
  }
  return erased;
}
