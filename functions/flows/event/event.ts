/**
 * A public event (open huis, bewonersbijeenkomst, wijkparlement) with its registrations, kept whole
 * in one versioned document: the places, the waiting list and every change to them are decided in
 * one conditional write, so two registrations can never both take the last place. Plain rules, no AWS.
 */
import type { Lang } from '../../platform/time';

export const EVENT_KINDS = ['open-huis', 'bewonersbijeenkomst', 'wijkparlement'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const NEEDS = ['tolk', 'rolstoel', 'kinderopvang'] as const;
export type Need = (typeof NEEDS)[number];
export const EVENT_STATUSES = ['published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type RegistrationStatus = 'confirmed' | 'waiting' | 'cancelled';

/** At most this many people on one registration: a family, not a group booking. */
export const MAX_PEOPLE = 6;

export interface Registration {
  id: string;
  /** Empty once the contact details were removed (retention, erasure). */
  name: string;
  email: string;
  people: number;
  needs: Need[];
  /** The language the interpreter should speak, in the resident's own words. */
  language?: string;
  /** The language of the emails and pages. */
  lang: Lang;
  /** Agreed to get "what we heard" and "what we did with it". */
  consent: boolean;
  status: RegistrationStatus;
  registeredAt: string;
  changedAt: string;
  movedUpAt?: string;
  /** When the contact details were removed; the counts stay. */
  erasedAt?: string;
}

export interface EventLink {
  title: string;
  url: string;
}

export interface PublicEvent {
  id: string;
  /** Events made together (a series of open huizen) share it. */
  seriesId?: string;
  kind: EventKind;
  title: string;
  theme: string;
  description: string;
  place: string;
  address: string;
  start: string;
  end: string;
  accessibility: string;
  languages: string[];
  capacity: number;
  status: EventStatus;
  cancelReason?: string;
  registrations: Registration[];
  heard?: { text: string; at: string };
  did?: { text: string; at: string; links: EventLink[] };
  /** When the reminders of the day before went out. */
  remindedAt?: string;
  createdAt: string;
  createdBy: string;
  version: number;
  requestHash?: string;
}

export interface RegistrationInput {
  name: string;
  email: string;
  people: number;
  needs: Need[];
  language?: string;
  lang: Lang;
  consent: boolean;
}

export const normalEmail = (email: string) => email.trim().toLowerCase();

const active = (r: Registration) => r.status !== 'cancelled';

/** Places taken by confirmed registrations. */
export const taken = (e: PublicEvent) =>
  e.registrations.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.people, 0);
export const freePlaces = (e: PublicEvent) => Math.max(0, e.capacity - taken(e));
export const waitingList = (e: PublicEvent) =>
  e.registrations
    .filter((r) => r.status === 'waiting')
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id));

/** Registration is open until the event starts, unless the event was cancelled. */
export const isOpen = (e: PublicEvent, now: Date) => e.status === 'published' && now.getTime() < Date.parse(e.start);

export function findByEmail(e: PublicEvent, email: string): Registration | undefined {
  const wanted = normalEmail(email);
  return e.registrations.find((r) => active(r) && r.email === wanted);
}

export type RegisterResult =
  | { kind: 'registered'; event: PublicEvent; registration: Registration }
  /** The address has a registration already: nothing changes, the person is mailed their link again. */
  | { kind: 'duplicate'; registration: Registration }
  | { kind: 'closed' };

/**
 * A new registration: confirmed if its people fit and nobody waits before it, else on the waiting
 * list (first come, first served). The same address twice is one registration.
 */
export function register(e: PublicEvent, id: string, input: RegistrationInput, now: Date): RegisterResult {
  if (!isOpen(e, now)) return { kind: 'closed' };
  const existing = findByEmail(e, input.email);
  if (existing) return { kind: 'duplicate', registration: existing };
  const at = now.toISOString();
  const fits = input.people <= freePlaces(e) && waitingList(e).length === 0;
  const registration: Registration = {
    id,
    name: input.name,
    email: normalEmail(input.email),
    people: input.people,
    needs: [...new Set(input.needs)],
    ...(input.language ? { language: input.language } : {}),
    lang: input.lang,
    consent: input.consent,
    status: fits ? 'confirmed' : 'waiting',
    registeredAt: at,
    changedAt: at,
  };
  return {
    kind: 'registered',
    event: { ...e, registrations: [...e.registrations, registration], version: e.version + 1 },
    registration,
  };
}

/**
 * Fill free places from the waiting list, in order of registration; a registration that does not
 * fit is passed over for a smaller one after it, so no place stays empty while someone could come.
 * Returns the registrations that moved up.
 */
export function moveUp(e: PublicEvent, now: Date): { event: PublicEvent; movedUp: Registration[] } {
  let free = freePlaces(e);
  const up = new Set<string>();
  if (isOpen(e, now))
    for (const r of waitingList(e))
      if (r.people <= free) {
        up.add(r.id);
        free -= r.people;
      }
  if (up.size === 0) return { event: e, movedUp: [] };
  const at = now.toISOString();
  const registrations = e.registrations.map((r) =>
    up.has(r.id) ? { ...r, status: 'confirmed' as const, movedUpAt: at, changedAt: at } : r,
  );
  return {
    event: { ...e, registrations },
    movedUp: registrations.filter((r) => up.has(r.id)),
  };
}

export type ChangeResult =
  | { kind: 'changed'; event: PublicEvent; registration: Registration; movedUp: Registration[] }
  | { kind: 'no-room' }
  | { kind: 'closed' }
  | { kind: 'gone' };

export interface RegistrationChange {
  people: number;
  needs: Need[];
  language?: string;
}

function replace(e: PublicEvent, r: Registration): PublicEvent {
  return { ...e, registrations: e.registrations.map((x) => (x.id === r.id ? r : x)), version: e.version + 1 };
}

/** Change the number of people or the needs. More people than there is room for: nothing changes. */
export function change(e: PublicEvent, regId: string, c: RegistrationChange, now: Date): ChangeResult {
  const r = e.registrations.find((x) => x.id === regId);
  if (!r || r.status === 'cancelled' || r.erasedAt) return { kind: 'gone' };
  if (!isOpen(e, now)) return { kind: 'closed' };
  if (r.status === 'confirmed' && c.people - r.people > freePlaces(e)) return { kind: 'no-room' };
  const next: Registration = {
    ...r,
    people: c.people,
    needs: [...new Set(c.needs)],
    changedAt: now.toISOString(),
  };
  if (c.language) next.language = c.language;
  else delete next.language;
  const moved = moveUp(replace(e, next), now);
  return { kind: 'changed', event: moved.event, registration: next, movedUp: moved.movedUp };
}

/** Cancel a registration; its places go to the waiting list at once. */
export function cancel(e: PublicEvent, regId: string, now: Date): ChangeResult {
  const r = e.registrations.find((x) => x.id === regId);
  if (!r || r.status === 'cancelled' || r.erasedAt) return { kind: 'gone' };
  if (Date.parse(e.end) <= now.getTime()) return { kind: 'closed' };
  const next: Registration = { ...r, status: 'cancelled', changedAt: now.toISOString() };
  const moved = moveUp(replace(e, next), now);
  return { kind: 'changed', event: moved.event, registration: next, movedUp: moved.movedUp };
}
