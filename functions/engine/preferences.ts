/**
 * A person's own email settings: combined reminders once a day or once a week, and the language
 * of their emails. Every personal email links to this page with a signed link of its own, so
 * a person needs no account to change it.
 */
import type { Body, Person } from './directory';
import { checkFormProof, formProof, signLink, verifyLink, type LinkKeys } from '../platform/link-token';
import { withPreferenceFooter } from './reminder-digest';
import type { EmailContent } from './email';
import type { Settings } from './ports';

export interface PreferenceLinkDeps {
  linkKeys: () => Promise<LinkKeys>;
  settings: Settings;
  now: () => Date;
}

export interface Preferences {
  lang: Person['lang'];
  reminderPreference: 'daily' | 'weekly';
  subscribedBodyIds: string[];
}

export interface PreferenceStore {
  getPerson(id: string): Promise<Person | null>;
  /** Conditional: only while the person is active and still has the stored settings `expected` shows. */
  updatePreferences(
    id: string,
    next: Preferences,
    expected: Pick<Person, 'lang' | 'reminderPreference'>,
  ): Promise<boolean>;
}

export interface PreferenceDeps extends PreferenceLinkDeps {
  people: PreferenceStore;
  /** Bodies whose public minutes a person can ask for. */
  publicBodies: () => Promise<Body[]>;
  /** Plan the person's next reminder message again under the new rhythm; never throws. */
  replan: (personId: string) => Promise<void>;
}

/** Long enough to outlive any flow; every new email brings a fresh one. */
const LINK_DAYS = 365;
const FORM_MAX_AGE_SECONDS = 12 * 3600;
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function preferenceLink(deps: PreferenceLinkDeps, personId: string): Promise<string> {
  const token = signLink(await deps.linkKeys(), {
    typ: 'prefs',
    sub: personId,
    pid: personId,
    exp: seconds(deps.now()) + LINK_DAYS * 86400,
  });
  return `${deps.settings.publicBaseUrl}/s/${token}`;
}

/** A personal email as it goes out: with the way to the person's settings at the bottom. */
export async function recipientEmail(
  deps: PreferenceLinkDeps,
  person: Person,
  content: EmailContent,
): Promise<EmailContent> {
  return withPreferenceFooter(content, person.lang, await preferenceLink(deps, person.id));
}

/**
 * A reminder as it goes out: the footer, and the same settings link as List-Unsubscribe, so the
 * mail program's "unsubscribe" reaches `oneClickWeekly` (RFC 8058).
 */
export async function reminderEmail(
  deps: PreferenceLinkDeps,
  person: Person,
  content: EmailContent,
): Promise<EmailContent & { listUnsubscribe: string }> {
  const link = await preferenceLink(deps, person.id);
  return { ...withPreferenceFooter(content, person.lang, link), listUnsubscribe: link };
}

export const currentPreferences = (p: Person): Preferences => ({
  lang: p.lang,
  reminderPreference: p.reminderPreference === 'weekly' ? 'weekly' : 'daily',
  subscribedBodyIds: p.subscribedBodyIds ?? [],
});
const proofSubject = (token: string, p: Preferences) =>
  `${token}|${p.lang}|${p.reminderPreference}|${p.subscribedBodyIds.join(',')}`;

export type PreferenceView =
  | { kind: 'invalid' }
  | { kind: 'weekly'; person: Person }
  | { kind: 'open'; person: Person; proof: string; bodies: Body[]; saved?: boolean; error?: 'expired-form' | 'choose' };

async function resolve(deps: PreferenceDeps, token: string) {
  const keys = await deps.linkKeys();
  const v = verifyLink(keys, token, seconds(deps.now()));
  if (!v.ok || v.claims.typ !== 'prefs' || v.claims.sub !== v.claims.pid) return null;
  const person = await deps.people.getPerson(v.claims.pid);
  return person?.active ? { person, keys } : null;
}

export async function openPreferences(deps: PreferenceDeps, token: string): Promise<PreferenceView> {
  const r = await resolve(deps, token);
  if (!r) return { kind: 'invalid' };
  return {
    kind: 'open',
    person: r.person,
    bodies: await deps.publicBodies(),
    proof: formProof(r.keys, proofSubject(token, currentPreferences(r.person)), seconds(deps.now())),
  };
}

export async function savePreferences(
  deps: PreferenceDeps,
  token: string,
  form: Record<string, string | undefined>,
  subscriptions: string[] = [],
): Promise<PreferenceView> {
  const r = await resolve(deps, token);
  if (!r) return { kind: 'invalid' };
  const bodies = await deps.publicBodies();
  const before = currentPreferences(r.person);
  const fresh = (person: Person) =>
    formProof(r.keys, proofSubject(token, currentPreferences(person)), seconds(deps.now()));
  if (
    !form.proof ||
    checkFormProof(r.keys, proofSubject(token, before), form.proof, seconds(deps.now()), FORM_MAX_AGE_SECONDS) === null
  ) {
    return { kind: 'open', person: r.person, bodies, proof: fresh(r.person), error: 'expired-form' };
  }
  if (!['nl', 'en'].includes(form.lang ?? '') || !['daily', 'weekly'].includes(form.reminderPreference ?? '')) {
    return { kind: 'open', person: r.person, bodies, proof: fresh(r.person), error: 'choose' };
  }
  // Only bodies that publish minutes; anything else in the form is ignored.
  const subscribedBodyIds = [...new Set(subscriptions)].filter((id) => bodies.some((b) => b.id === id));
  const next: Preferences = {
    lang: form.lang as Preferences['lang'],
    reminderPreference: form.reminderPreference as Preferences['reminderPreference'],
    subscribedBodyIds,
  };
  if (!(await deps.people.updatePreferences(r.person.id, next, r.person))) {
    // Changed in between (another tab, the office): show what is stored now and let them choose again.
    const now = await deps.people.getPerson(r.person.id);
    return now?.active
      ? { kind: 'open', person: now, bodies, proof: fresh(now), error: 'expired-form' }
      : { kind: 'invalid' };
  }
  const person = { ...r.person, ...next };
  await deps.replan(person.id);
  return { kind: 'open', person, bodies, proof: fresh(person), saved: true };
}

/**
 * The one-click POST of a mail program's "unsubscribe" (RFC 8058): no form, no proof, only the
 * signed link. Every reminder asks for something before a deadline, so "off" would let people
 * miss a decision; the click makes reminders weekly instead, and a deadline still wins. Repeating
 * it changes nothing; language and subscriptions stay as they are.
 */
export async function oneClickWeekly(deps: PreferenceDeps, token: string): Promise<PreferenceView> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await resolve(deps, token);
    if (!r) return { kind: 'invalid' };
    const before = currentPreferences(r.person);
    if (before.reminderPreference === 'weekly') return { kind: 'weekly', person: r.person };
    if (await deps.people.updatePreferences(r.person.id, { ...before, reminderPreference: 'weekly' }, r.person)) {
      await deps.replan(r.person.id);
      return { kind: 'weekly', person: { ...r.person, reminderPreference: 'weekly' } };
    }
  }
  throw new Error('the settings are changing too fast');
}
