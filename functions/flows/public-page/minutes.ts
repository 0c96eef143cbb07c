/**
 * The public minutes of a meeting and the public face of an owner. Personal data stays off them:
 * owners are shown as their organisation, or by the kind of person (a resident, the programme office).
 */
import { publicWords as words } from './texts';
import type { Organisation, Person } from '../../engine/directory';
import { agendaOf, type Meeting } from '../meeting';
import { formatDateTime, type Lang } from '../../platform/time';

/** An owner as the public may see them: their organisation, or the kind of person they are. */
export function publicOwner(
  owner: { personId?: string; organisationId?: string },
  people: Person[],
  orgs: Organisation[],
  lang: Lang,
): string {
  const w = words[lang];
  return (
    (owner.organisationId
      ? orgs.find((o) => o.id === owner.organisationId)?.name
      : w.kinds[people.find((p) => p.id === owner.personId)?.kind ?? 'resident']) ?? ''
  );
}

/** The public minutes of one meeting in plain words: what was discussed, what was decided, who does what by when. */
export function publicMinutes(m: Meeting, people: Person[], orgs: Organisation[], lang: Lang) {
  const w = words[lang];
  const minutes = m.minutes!;
  return {
    discussed: agendaOf(m)
      .map((l) => ({ title: l.item ? l.item.title : w.standing[l.standing!], summary: minutes.summaries[l.id] ?? '' }))
      .filter((l) => l.summary.trim()),
    decisions: minutes.decisions,
    actions: minutes.actionItems.map((a) => ({
      what: a.what,
      who: publicOwner({ personId: a.ownerPersonId, organisationId: a.ownerOrganisationId }, people, orgs, lang),
      due: formatDateTime(a.due, lang),
    })),
  };
}

/** The same, as lines of text for the email that tells the theme groups. */
export function publicMinutesLines(m: Meeting, people: Person[], orgs: Organisation[], lang: Lang): string[] {
  const w = words[lang];
  const p = publicMinutes(m, people, orgs, lang);
  return [
    `${w.discussed}:`,
    ...p.discussed.map((d) => `- ${d.title}: ${d.summary}`),
    ...(p.decisions.trim() ? [`${w.decided}: ${p.decisions}`] : []),
    ...(p.actions.length
      ? [`${w.whoWhat}:`, ...p.actions.map((a) => `- ${a.what} — ${a.who}, ${w.due.toLowerCase()} ${a.due}`)]
      : []),
  ];
}
