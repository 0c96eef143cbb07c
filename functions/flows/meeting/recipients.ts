/** Who gets what of a meeting: its members, who is invited, the theme groups, and each person's link. */
import type { Person } from '../../engine/directory';
import { signLink } from '../../platform/link-token';
import type { Meeting } from './meeting';
import type { MeetingDeps } from './meeting-docs';

const LINK_DAYS_AFTER = 60;

export async function membersOf(deps: MeetingDeps, m: Meeting): Promise<Person[]> {
  const body = await deps.directory.getBody(m.bodyId);
  return (await deps.directory.getPeople(body?.members.map((x) => x.personId) ?? [])).filter(
    (p) => p.active && p.email,
  );
}

/**
 * Who is invited: the body's members, and the series' chair and secretary even when they are not
 * members (a secretary from the programme office takes the minutes, so needs the agenda and the
 * date). Each person once, however many of these they are.
 */
export async function attendeesOf(deps: MeetingDeps, m: Meeting): Promise<Person[]> {
  const body = await deps.directory.getBody(m.bodyId);
  const ids = [...new Set([...(body?.members.map((x) => x.personId) ?? []), m.chairId, m.secretaryId])];
  return (await deps.directory.getPeople(ids)).filter((p) => p.active && p.email);
}

/** For a kerngroep: each theme group represented, with its representatives. */
export async function themeGroupsOf(
  deps: Pick<MeetingDeps, 'directory'>,
  m: Meeting,
): Promise<{ groupId: string; representatives: string[] }[]> {
  const body = await deps.directory.getBody(m.bodyId);
  if (body?.kind !== 'core-group') return [];
  const groups = new Map<string, string[]>();
  for (const member of body.members)
    if (member.representsBodyId)
      groups.set(member.representsBodyId, [...(groups.get(member.representsBodyId) ?? []), member.personId]);
  return [...groups].map(([groupId, representatives]) => ({ groupId, representatives }));
}

export async function meetingLink(
  deps: Pick<MeetingDeps, 'linkKeys' | 'settings' | 'now'>,
  m: Meeting,
  personId: string,
  typ: 'meeting' | 'minutes' | 'chair',
): Promise<string> {
  // From the meeting's end, or from now when minutes or a review come late: a link never arrives expired.
  const exp = Math.floor(Math.max(Date.parse(m.end), deps.now().getTime()) / 1000) + LINK_DAYS_AFTER * 86400;
  return `${deps.settings.publicBaseUrl}/m/${signLink(await deps.linkKeys(), { typ, sub: m.id, pid: personId, exp })}`;
}
