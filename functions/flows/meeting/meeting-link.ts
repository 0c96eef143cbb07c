/**
 * Reading a meeting link: one link per person and meeting, with a role (member, secretary, chair).
 * The page it opens carries a form proof bound to the meeting's phase.
 */
import type { Person } from '../../engine/directory';
import { formProof, verifyLink } from '../../platform/link-token';
import type { Meeting } from './meeting';
import type { MeetingDeps } from './meeting-docs';
import { themeGroupsOf } from './recipients';

export type MeetingRole = 'meeting' | 'minutes' | 'chair';

export interface MeetingPageView {
  kind: 'page';
  role: MeetingRole;
  meeting: Meeting;
  person: Person;
  proof: string;
  /** The theme group this member represents, if any: "nothing this month" is for them. */
  groupId?: string;
  notice?: 'thanks' | 'nothing' | 'declined' | 'attending' | 'objected' | 'minutes-sent' | 'decided';
  errors?: Record<string, string>;
  /** What was typed into a form that was refused: shown again, so nothing is lost. */
  values?: Record<string, string>;
}

export type MeetingLinkView = { kind: 'invalid' } | MeetingPageView;

export const FORM_MAX_AGE_SECONDS = 12 * 3600;
export const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
/** Bound to the phase the page showed: a form from the agenda phase cannot be posted in the review. */
export const proofSubject = (token: string, m: Meeting) => `${token}|${m.phase}`;

export async function resolve(deps: MeetingDeps, token: string) {
  const keys = await deps.linkKeys();
  const v = verifyLink(keys, token, seconds(deps.now()));
  if (!v.ok || !['meeting', 'minutes', 'chair'].includes(v.claims.typ)) return null;
  const [meeting, person] = await Promise.all([
    deps.meetings.get(v.claims.sub),
    deps.directory.getPerson(v.claims.pid),
  ]);
  if (!meeting || !person?.active) return null;
  const role = v.claims.typ as MeetingRole;
  // The link's role must still be the person's: a new secretary or chair gets their own link.
  if ((role === 'minutes' && meeting.secretaryId !== person.id) || (role === 'chair' && meeting.chairId !== person.id))
    return null;
  const groupId = (await themeGroupsOf(deps, meeting)).find((g) => g.representatives.includes(person.id))?.groupId;
  return { keys, meeting, person, role, groupId };
}

/** A link that is valid, for an active person who still has the link's role. */
export type ResolvedLink = NonNullable<Awaited<ReturnType<typeof resolve>>>;

export async function openMeetingLink(
  deps: MeetingDeps,
  token: string,
  extra: Partial<MeetingPageView> = {},
): Promise<MeetingLinkView> {
  const r = await resolve(deps, token);
  if (!r) return { kind: 'invalid' };
  return {
    kind: 'page',
    role: r.role,
    meeting: r.meeting,
    person: r.person,
    groupId: r.groupId,
    proof: formProof(r.keys, proofSubject(token, r.meeting), seconds(deps.now())),
    ...extra,
  };
}

/** The meeting and person a link opens, for what goes with the meeting (its documents); null for a link that does not open it. */
export async function meetingOfLink(deps: MeetingDeps, token: string) {
  const r = await resolve(deps, token);
  return r ? { meeting: r.meeting, person: r.person, role: r.role } : null;
}
