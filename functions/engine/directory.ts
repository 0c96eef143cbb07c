/** People, organisations and bodies: who can be asked to decide, and in which language. */
import type { Lang } from '../platform/time';

export interface Person {
  id: string;
  name: string;
  email: string;
  lang: Lang;
  /** Residents sit on the board as residents; partners are represented by their contacts. */
  kind: 'resident' | 'partner-contact' | 'municipality' | 'programme-office';
  organisationId?: string;
  active: boolean;
  /** The person's reminder budget: at most one combined message a day (default) or a week. */
  reminderPreference?: 'daily' | 'weekly';
  /** Bodies whose public minutes this person wants by email (terugkoppeling), chosen on their settings page. */
  subscribedBodyIds?: string[];
}

export type MemberRole = 'chair' | 'secretary' | 'member' | 'representative' | 'substitute';

export interface Membership {
  personId: string;
  role: MemberRole;
  voting: boolean;
  /** For kerngroep members: the theme group they represent. */
  representsBodyId?: string;
  /** For substitutes: the member they may act for. */
  substituteFor?: string;
}

export interface Body {
  id: string;
  name: string;
  kind: 'board' | 'core-group' | 'theme-group' | 'plenary';
  members: Membership[];
  /** Raised by every change made in the console; the condition of that change. */
  version?: number;
  /** False once the group has stopped; kept for the record, no longer asked to decide. */
  active?: boolean;
}

/** The kinds of partner organisation, in the order the console offers them. */
export const ORG_KINDS = [
  'municipality',
  'housing',
  'school',
  'police',
  'foundation',
  'care',
  'business',
  'other',
] as const;

export interface Organisation {
  id: string;
  name: string;
  kind: (typeof ORG_KINDS)[number];
  contactIds: string[];
  /** False once the partner has left the alliance; kept for the record. */
  active?: boolean;
}

export function votingMemberIds(body: Body): string[] {
  return [...new Set(body.members.filter((m) => m.voting).map((m) => m.personId))];
}

/** "j.jansen@example.org" -> "j***@example.org": enough to debug, not enough to identify. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}
