/** The secretary's minutes form: who may own an action item, and the minutes read from the form. */
import { isValid } from 'date-fns/isValid';
import type { Organisation, Person } from '../../engine/directory';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { utcIso, wallClock } from '../../platform/time';
import { agendaOf } from './agenda';
import type { Meeting, Minutes, MinutesActionItem } from './meeting';
import type { MeetingDeps } from './meeting-docs';
import { themeGroupsOf } from './recipients';

/**
 * Who may own an action item from these minutes: the body's and its theme groups' people, and
 * partners with a contact.
 */
export async function possibleOwners(
  deps: MeetingDeps,
  m: Meeting,
): Promise<{ people: Person[]; orgs: Organisation[] }> {
  const body = await deps.directory.getBody(m.bodyId);
  const groups = await Promise.all((await themeGroupsOf(deps, m)).map((g) => deps.directory.getBody(g.groupId)));
  const ids = [...(body?.members ?? []), ...groups.flatMap((g) => g?.members ?? [])].map((x) => x.personId);
  const [people, orgs] = await Promise.all([deps.directory.getPeople(ids), deps.directory.listOrganisations()]);
  return {
    people: people.filter((p) => p.active),
    orgs: orgs.filter((o) => o.active !== false && o.contactIds.length > 0),
  };
}

/** The minutes form: a summary per agenda line, the decisions, and action item rows. */
export function minutesFrom(
  m: Meeting,
  form: Record<string, string | undefined>,
  by: string,
  now: Date,
  owners: { people: Person[]; orgs: Organisation[] },
): { minutes: Minutes; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const summaries = Object.fromEntries(agendaOf(m).map((l) => [l.id, (form[`summary.${l.id}`] ?? '').slice(0, 3000)]));
  const actionItems: MinutesActionItem[] = [];
  for (let i = 0; i < 20; i++) {
    const what = (form[`a${i}.what`] ?? '').trim();
    if (!what) continue;
    const [kind, id] = (form[`a${i}.owner`] ?? '').split(':');
    // A date from the form means the end of that working day, Amsterdam time.
    const day = wallClock(form[`a${i}.due`] ?? '', 17);
    const due = isValid(day) ? utcIso(day) : '';
    const known =
      kind === 'org'
        ? owners.orgs.some((o) => o.id === id)
        : kind === 'person' && owners.people.some((p) => p.id === id);
    if (!known) errors[`a${i}.owner`] = 'owner';
    // After the review: by then the item is made and followed up.
    // And within an action item's horizon, so that the item can still be made when the minutes are published.
    if (
      !due ||
      day.getTime() <= now.getTime() + (m.leadTimes.reviewDays + 1) * 86400_000 ||
      !withinDays(due, now, HORIZON_DAYS.itemDue)
    )
      errors[`a${i}.due`] = 'due';
    actionItems.push({
      what: what.slice(0, 300),
      ...(kind === 'org' ? { ownerOrganisationId: id } : { ownerPersonId: id }),
      due,
    });
  }
  return {
    minutes: { summaries, decisions: (form.decisions ?? '').slice(0, 5000), actionItems, by, at: now.toISOString() },
    errors,
  };
}
