/** Adding and changing people and memberships, as the programme office does in the console. */
import { randomUUID } from 'node:crypto';
import {
  type Body,
  type Membership,
  type MemberRole,
  ORG_KINDS,
  type Organisation,
  type Person,
} from '../../engine/directory';
import { NotFoundError, ValidationError } from '../../platform/errors';

export interface DirectoryWriter {
  getPerson(id: string): Promise<Person | null>;
  getBody(id: string): Promise<Body | null>;
  getOrganisation(id: string): Promise<Organisation | null>;
  savePerson(person: Person): Promise<void>;
  /** With expectedVersion: only if the stored body is still at that version; false when it is not. */
  saveBody(body: Body, expectedVersion?: number): Promise<boolean | void>;
  saveOrganisation(org: Organisation): Promise<void>;
}

export interface PersonInput {
  name: string;
  email: string;
  lang: string;
  kind: string;
  organisationId?: string;
  active: boolean;
  reminderPreference?: string;
}

const KINDS = ['resident', 'partner-contact', 'municipality', 'programme-office'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validatePerson(
  input: PersonInput,
  words: { required: string; invalidEmail: string },
): Omit<Person, 'id'> {
  const errors: Record<string, string> = {};
  if (!input.name || input.name.length > 120) errors.name = words.required;
  if (!EMAIL.test(input.email) || input.email.length > 254) errors.email = words.invalidEmail;
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return {
    name: input.name,
    email: input.email.toLowerCase(),
    lang: input.lang === 'en' ? 'en' : 'nl',
    kind: (KINDS.includes(input.kind) ? input.kind : 'resident') as Person['kind'],
    ...(input.organisationId ? { organisationId: input.organisationId } : {}),
    active: input.active,
    reminderPreference: input.reminderPreference === 'weekly' ? 'weekly' : 'daily',
  };
}

export async function savePerson(
  store: DirectoryWriter,
  id: string | null,
  input: PersonInput,
  words: { required: string; invalidEmail: string },
): Promise<Person> {
  const fields = validatePerson(input, words);
  if (id && !(await store.getPerson(id))) throw new NotFoundError('person', id);
  if (fields.organisationId && !(await store.getOrganisation(fields.organisationId)))
    throw new ValidationError({ organisationId: 'unknown organisation' });
  const person: Person = { id: id ?? `p-${randomUUID()}`, ...fields };
  await store.savePerson(person);
  return person;
}

const ROLES: MemberRole[] = ['chair', 'secretary', 'member', 'representative', 'substitute'];

export interface MembershipChange {
  personId: string;
  role: string;
  voting: boolean;
  represents?: string;
  substituteFor?: string;
  remove: boolean;
}

/**
 * Apply the console's member table to a group. Only members the group has are changed; a row
 * for anyone else is ignored, a person listed twice counts once, and references (represented
 * group, member replaced) must exist. The write is conditional on the version the form was
 * made from, so two people editing one group cannot undo each other's changes.
 */
export async function saveMemberships(
  store: DirectoryWriter,
  bodyId: string,
  changes: MembershipChange[],
  add: { personId?: string; role: string; voting: boolean },
  formVersion: number,
): Promise<Body> {
  const body = await store.getBody(bodyId);
  if (!body) throw new NotFoundError('body', bodyId);
  if ((body.version ?? 0) !== formVersion) throw new ValidationError({ version: 'changed since the form was opened' });
  const byPerson = new Map<string, MembershipChange>();
  for (const c of changes) if (!byPerson.has(c.personId)) byPerson.set(c.personId, c);
  const memberIds = new Set(body.members.map((m) => m.personId));
  const members: Membership[] = [];
  for (const m of body.members) {
    const c = byPerson.get(m.personId);
    if (!c) {
      members.push(m);
      continue;
    }
    if (c.remove) continue;
    if (c.represents && (c.represents === bodyId || !(await store.getBody(c.represents))))
      throw new ValidationError({ represents: 'unknown group' });
    members.push({
      personId: m.personId,
      role: ROLES.includes(c.role as MemberRole) ? (c.role as MemberRole) : m.role,
      voting: c.voting,
      ...(c.represents ? { representsBodyId: c.represents } : {}),
      ...(c.substituteFor && c.substituteFor !== m.personId && memberIds.has(c.substituteFor)
        ? { substituteFor: c.substituteFor }
        : {}),
    });
  }
  if (add.personId) {
    const person = await store.getPerson(add.personId);
    if (!person || !person.active) throw new ValidationError({ 'add.personId': 'unknown person' });
    if (!members.some((m) => m.personId === add.personId))
      members.push({
        personId: add.personId,
        role: ROLES.includes(add.role as MemberRole) ? (add.role as MemberRole) : 'member',
        voting: add.voting,
      });
  }
  const next = { ...body, members, version: formVersion + 1 };
  if (!(await store.saveBody(next, formVersion)))
    throw new ValidationError({ version: 'changed since the form was opened' });
  return next;
}

const BODY_KINDS: Body['kind'][] = ['board', 'core-group', 'theme-group', 'plenary'];

export interface OrganisationInput {
  name: string;
  kind: string;
  contactIds: string[];
  active: boolean;
}

export async function saveOrganisation(
  store: DirectoryWriter,
  id: string | null,
  input: OrganisationInput,
  words: { required: string },
): Promise<Organisation> {
  if (!input.name || input.name.length > 160) throw new ValidationError({ name: words.required });
  if (id && !(await store.getOrganisation(id))) throw new NotFoundError('organisation', id);
  const contacts: string[] = [];
  for (const pid of new Set(input.contactIds)) if (await store.getPerson(pid)) contacts.push(pid);
  const org: Organisation = {
    id: id ?? `o-${randomUUID()}`,
    name: input.name,
    kind: (ORG_KINDS as readonly string[]).includes(input.kind) ? (input.kind as Organisation['kind']) : 'other',
    contactIds: contacts,
    active: input.active,
  };
  await store.saveOrganisation(org);
  return org;
}

export async function createBody(
  store: DirectoryWriter,
  input: { name: string; kind: string },
  words: { required: string },
): Promise<Body> {
  if (!input.name || input.name.length > 160) throw new ValidationError({ name: words.required });
  const body: Body = {
    id: `b-${randomUUID()}`,
    name: input.name,
    kind: BODY_KINDS.includes(input.kind as Body['kind']) ? (input.kind as Body['kind']) : 'theme-group',
    members: [],
  };
  await store.saveBody(body);
  return body;
}

/** Rename a group, change its kind, or stop it (conditional on the version the form was made from). */
export async function saveBodySettings(
  store: DirectoryWriter,
  bodyId: string,
  input: { name: string; kind: string; active: boolean },
  formVersion: number,
  words: { required: string },
): Promise<Body> {
  const body = await store.getBody(bodyId);
  if (!body) throw new NotFoundError('body', bodyId);
  if (!input.name || input.name.length > 160) throw new ValidationError({ name: words.required });
  if ((body.version ?? 0) !== formVersion) throw new ValidationError({ version: 'changed since the form was opened' });
  const next: Body = {
    ...body,
    name: input.name,
    kind: BODY_KINDS.includes(input.kind as Body['kind']) ? (input.kind as Body['kind']) : body.kind,
    active: input.active,
    version: formVersion + 1,
  };
  if (!(await store.saveBody(next, formVersion)))
    throw new ValidationError({ version: 'changed since the form was opened' });
  return next;
}
