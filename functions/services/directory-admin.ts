/** Adding and changing people and memberships, as the programme office does in the console. */
import { randomUUID } from 'node:crypto';
import type { Body, Membership, MemberRole, Organisation, Person } from '../domain/directory';
import { NotFoundError, ValidationError } from '../domain/errors';

export interface DirectoryWriter {
  getPerson(id: string): Promise<Person | null>;
  getBody(id: string): Promise<Body | null>;
  getOrganisation(id: string): Promise<Organisation | null>;
  savePerson(person: Person): Promise<void>;
  saveBody(body: Body): Promise<void>;
  saveOrganisation(org: Organisation): Promise<void>;
}

export interface PersonInput { name: string; email: string; lang: string; kind: string; organisationId?: string; active: boolean; reminderPreference?: string }

const KINDS = ['resident', 'partner-contact', 'municipality', 'programme-office'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validatePerson(input: PersonInput, words: { required: string; invalidEmail: string }): Omit<Person, "id"> {
  const errors: Record<string, string> = {};
  if (!input.name || input.name.length > 120) errors.name = words.required;
  if (!EMAIL.test(input.email) || input.email.length > 254) errors.email = words.invalidEmail;
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return {
    name: input.name, email: input.email.toLowerCase(), lang: input.lang === 'en' ? 'en' : 'nl',
    kind: (KINDS.includes(input.kind) ? input.kind : 'resident') as Person['kind'],
    ...(input.organisationId ? { organisationId: input.organisationId } : {}),
    active: input.active,
    reminderPreference: (['each', 'daily', 'weekly'].includes(input.reminderPreference ?? '') ? input.reminderPreference : 'each') as Person['reminderPreference'],
  };
}

export async function savePerson(store: DirectoryWriter, id: string | null, input: PersonInput, words: { required: string; invalidEmail: string }): Promise<Person> {
  const fields = validatePerson(input, words);
  if (id && !(await store.getPerson(id))) throw new NotFoundError('person', id);
  const person: Person = { id: id ?? `p-${randomUUID()}`, ...fields };
  await store.savePerson(person);
  return person;
}

const ROLES: MemberRole[] = ['chair', 'secretary', 'member', 'representative', 'substitute'];

export interface MembershipChange { personId: string; role: string; voting: boolean; represents?: string; substituteFor?: string; remove: boolean }

export async function saveMemberships(store: DirectoryWriter, bodyId: string, changes: MembershipChange[], add: { personId?: string; role: string; voting: boolean }): Promise<Body> {
  const body = await store.getBody(bodyId);
  if (!body) throw new NotFoundError('body', bodyId);
  const known = new Set(body.members.map((m) => m.personId));
  const members: Membership[] = changes
    .filter((c) => known.has(c.personId) && !c.remove)
    .map((c) => ({
      personId: c.personId, role: ROLES.includes(c.role as MemberRole) ? (c.role as MemberRole) : 'member', voting: c.voting,
      ...(c.represents ? { representsBodyId: c.represents } : {}), ...(c.substituteFor && c.substituteFor !== c.personId ? { substituteFor: c.substituteFor } : {}),
    }));
  if (add.personId) {
    const person = await store.getPerson(add.personId);
    if (!person || !person.active) throw new ValidationError({ 'add.personId': 'unknown person' });
    if (!members.some((m) => m.personId === add.personId)) members.push({ personId: add.personId, role: ROLES.includes(add.role as MemberRole) ? (add.role as MemberRole) : 'member', voting: add.voting });
  }
  const next = { ...body, members };
  await store.saveBody(next);
  return next;
}

const ORG_KINDS: Organisation['kind'][] = ['municipality', 'housing', 'school', 'police', 'foundation', 'care', 'business', 'other'];
const BODY_KINDS: Body['kind'][] = ['board', 'core-group', 'theme-group', 'plenary'];

export interface OrganisationInput { name: string; kind: string; contactIds: string[]; active: boolean }

export async function saveOrganisation(store: DirectoryWriter, id: string | null, input: OrganisationInput, words: { required: string }): Promise<Organisation> {
  if (!input.name || input.name.length > 160) throw new ValidationError({ name: words.required });
  if (id && !(await store.getOrganisation(id))) throw new NotFoundError('organisation', id);
  const contacts: string[] = [];
  for (const pid of new Set(input.contactIds)) if (await store.getPerson(pid)) contacts.push(pid);
  const org: Organisation = { id: id ?? `o-${randomUUID()}`, name: input.name, kind: ORG_KINDS.includes(input.kind as Organisation['kind']) ? (input.kind as Organisation['kind']) : 'other', contactIds: contacts, active: input.active };
  await store.saveOrganisation(org);
  return org;
}

export async function createBody(store: DirectoryWriter, input: { name: string; kind: string }, words: { required: string }): Promise<Body> {
  if (!input.name || input.name.length > 160) throw new ValidationError({ name: words.required });
  const body: Body = { id: `b-${randomUUID()}`, name: input.name, kind: BODY_KINDS.includes(input.kind as Body['kind']) ? (input.kind as Body['kind']) : 'theme-group', members: [] };
  await store.saveBody(body);
  return body;
}
