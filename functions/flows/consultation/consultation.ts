/**
 * A resident consultation (inspraak): a public question or proposal with a plain-language
 * explanation, documents and a deadline; anyone may answer, optionally only from some postcode
 * areas. After the deadline the office writes a summary, and later what was done with it; both are
 * published and sent to those who asked for them. Plain rules, no AWS: tested on their own.
 */
import { ValidationError } from '../../platform/errors';

export const CONSULTATION_STATUSES = ['open', 'published'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export interface ConsultationDocument {
  title: string;
  url: string;
}

export interface Publication {
  text: string;
  at: string;
  by: string;
}

export interface Consultation {
  id: string;
  version: number;
  /** open: taking answers until the deadline, then waiting for its summary; published: summary out. */
  status: ConsultationStatus;
  title: string;
  /** The question or proposal in one or two sentences. */
  question: string;
  /** Plain-language explanation: why we ask, what happens with the answers. */
  explanation: string;
  documents: ConsultationDocument[];
  deadline: string;
  /** Four-digit postcode areas whose residents may answer (e.g. 1060–1069); absent: anyone. */
  areas?: string[];
  /** The programme cycle phase this is part of (the SPUK application's resident input), if any. */
  cycle?: { cycleId: string; phaseKey: string };
  summary?: Publication;
  /** "What we did with it": published later, linked to what followed. */
  outcome?: Publication & { links: ConsultationDocument[] };
  /** Stopped before its summary (the programme cycle it was a phase of was cancelled): no more answers. */
  cancelled?: { at: string; reason: string; by: string };
  /** When the contact details of its answers were removed (the retention period passed). */
  contactRemovedAt?: string;
  createdAt: string;
  createdBy: string;
  requestHash?: string;
}

/** One answer. Name and email are optional; consent asks for the summary by email. */
export interface Answer {
  id: string;
  consultationId: string;
  text: string;
  at: string;
  postcode?: string;
  name?: string;
  email?: string;
  /** Agreed to get the summary and what was done with it by email (only with an email). */
  consent: boolean;
  lang: 'nl' | 'en';
  /** Set when the retention period removed name, email and postcode. */
  contactRemovedAt?: string;
}

/** How long after the deadline the contact details are kept: long enough for "what we did with it". */
export const CONTACT_RETENTION_DAYS = 365;
export const MAX_ANSWER_LENGTH = 2000;

/** Why a deadline cannot be a consultation's: past, or more than a year ahead; null when it can. */
export function deadlineRefusal(deadline: string, now: Date): string | null {
  const at = Date.parse(deadline);
  if (at <= now.getTime()) return 'must be in the future';
  if (at > now.getTime() + 366 * 86_400_000) return 'must be within a year';
  return null;
}

export const isOpen = (c: Consultation, now: Date) =>
  c.status === 'open' && !c.cancelled && now.getTime() < Date.parse(c.deadline);

/** Why an answer is refused, in words the form shows; null when it may be taken. */
export type Refusal = 'closed' | 'postcode-needed' | 'postcode-invalid' | 'postcode-outside';

const POSTCODE = /^([1-9][0-9]{3}) ?([A-Z]{2})$/;

/** "1062 ab" → "1062AB"; null when it is no Dutch postcode (four digits, not starting with 0, two letters). */
export function normalisePostcode(input: string): string | null {
  const m = POSTCODE.exec(input.trim().toUpperCase());
  if (!m || ['SA', 'SD', 'SS'].includes(m[2])) return null;
  return `${m[1]}${m[2]}`;
}

/** Expand "1060-1069" and "1070" into the list of four-digit areas; a bad item is a ValidationError. */
export function expandAreas(items: string[]): string[] {
  const out = new Set<string>();
  for (const item of items) {
    const m = /^([1-9]\d{3})(?:\s*[-–]\s*([1-9]\d{3}))?$/.exec(item.trim());
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] ? Number(m[2]) : from;
    if (!m || to < from || to - from > 200)
      throw new ValidationError({ areas: `"${item}" is no postcode area (use 1062, or a range like 1060-1069)` });
    for (let n = from; n <= to; n++) out.add(String(n));
  }
  return [...out].sort();
}

/** May an answer with this postcode (as typed, or empty) be taken now? */
export function refusal(c: Consultation, postcode: string, now: Date): Refusal | null {
  if (!isOpen(c, now)) return 'closed';
  if (!c.areas?.length) return postcode.trim() && !normalisePostcode(postcode) ? 'postcode-invalid' : null;
  if (!postcode.trim()) return 'postcode-needed';
  const pc = normalisePostcode(postcode);
  if (!pc) return 'postcode-invalid';
  return c.areas.includes(pc.slice(0, 4)) ? null : 'postcode-outside';
}

/** When the contact details of a consultation's answers must be gone. */
export const contactRemovalDue = (c: Consultation) =>
  new Date(Date.parse(c.deadline) + CONTACT_RETENTION_DAYS * 86_400_000);

export const mayRemoveContacts = (c: Consultation, now: Date) =>
  !c.contactRemovedAt && now.getTime() >= contactRemovalDue(c).getTime();

/** Those who asked for the summary by email, and still have an email on record. */
export const wantsMail = (a: Answer): a is Answer & { email: string } => a.consent && !!a.email && !a.contactRemovedAt;

/** The answer as the public never sees it, but as the office does: without the contact details once removed. */
export function withoutContact(a: Answer, at: string): Answer {
  const { name: _n, email: _e, postcode: _p, ...rest } = a;
  return { ...rest, consent: false, contactRemovedAt: at };
}
