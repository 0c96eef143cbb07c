/**
 * The words of the cycle's refusals, Dutch first (B1), English word for word alongside. A refusal
 * names the field it is about, so the API and the console can put it next to that field.
 */
import { formatDateTime, type Lang } from '../../platform/time';

const when = (iso: string, lang: Lang) => formatDateTime(iso, lang);

export const refusalWords = {
  nl: {
    anchorMissing: (name: string) => `Vul deze datum in: ${name}.`,
    anchorUnknown: 'Deze datum hoort niet bij dit sjabloon.',
    dateForm: 'Gebruik een datum en tijd met tijdzone, zoals 2026-09-24T16:00:00+02:00.',
    horizonForm: 'Gebruik een datum en tijd met tijdzone, zoals 2027-12-31T23:59:00+01:00.',
    dueBeforeStart: (title: string, due: string, start: string) =>
      `"${title}" moet klaar zijn op ${when(due, 'nl')}, maar begint pas op ${when(start, 'nl')}.`,
    unknownPhase: 'Deze fase staat niet in de planning.',
    keyTaken: 'Deze naam heeft al een andere fase. Kies een andere.',
    done: 'Deze fase is al klaar. Die kunt u niet meer veranderen.',
    skipped: 'Deze fase is overgeslagen. Die kunt u niet meer veranderen.',
    started: 'Deze fase is al begonnen. De begindatum kan niet meer anders.',
    notStarted: 'Deze fase is nog niet begonnen. U kunt haar pas klaar melden als ze loopt.',
    ownFlow:
      'Deze fase loopt via haar eigen ronde of actiepunt. Ze is klaar als dat klaar is. Stop of verander het daar.',
    past: 'Deze datum is al voorbij. Kies een datum in de toekomst.',
    nothingToMove: 'Geef een nieuwe begindatum of een nieuwe einddatum.',
    dependents: (titles: string) =>
      `Deze fasen wachten op deze fase: ${titles}. Zeg waar ze nu op wachten (dat mag ook niets zijn).`,
    notBefore: (key: string) => `"${key}" is geen eerdere fase. Een fase kan alleen wachten op een fase ervoor.`,
    noStart: 'Geef een begindatum, of de fasen waarop deze fase wacht.',
    templateUnknown: (id: string) => `Er is geen sjabloon "${id}". Kies er een uit GET /api/cycle-templates.`,
    roleUnknown: 'Deze rol komt niet voor in dit sjabloon.',
    roleEmpty: 'Kies wie dit doet: een of meer personen of organisaties.',
    roleUnassigned: 'Niemand heeft deze rol in deze cyclus. Kies een rol die al iemand heeft.',
    personUnknown: (id: string) => `Er is geen actieve persoon "${id}".`,
    organisationUnknown: (id: string) => `Er is geen organisatie "${id}" met een contactpersoon.`,
    anchorFar: (days: string) => `Deze datum ligt te ver weg. Kies een datum binnen ${days} dagen.`,
    anchorsPast: 'Met deze datum is elke fase al voorbij. Kies de datums van een cyclus die nog komt.',
    horizonFar: (days: string) => `De planning mag tot ${days} dagen na de laatste datum lopen, niet verder.`,
    actielijnUnknown: (id: string) => `Er is geen actielijn "${id}". Kies er een uit GET /api/actielijnen.`,
  },
  en: {
    anchorMissing: (name: string) => `Fill in this date: ${name}.`,
    anchorUnknown: 'This date is not one of this template.',
    dateForm: 'Use a date and time with its offset, such as 2026-09-24T16:00:00+02:00.',
    horizonForm: 'Use a date and time with its offset, such as 2027-12-31T23:59:00+01:00.',
    dueBeforeStart: (title: string, due: string, start: string) =>
      `"${title}" must be done on ${when(due, 'en')}, but starts only on ${when(start, 'en')}.`,
    unknownPhase: 'This phase is not in the plan.',
    keyTaken: 'Another phase has this name. Choose another.',
    done: 'This phase is done already. It cannot be changed any more.',
    skipped: 'This phase was skipped. It cannot be changed any more.',
    started: 'This phase has started. Its start date cannot change any more.',
    notStarted: 'This phase has not started yet. You can mark it done once it runs.',
    ownFlow: 'This phase runs through its own round or action item. It is done when that is. Stop or change it there.',
    past: 'This date has passed. Choose a date in the future.',
    nothingToMove: 'Give a new start date or a new due date.',
    dependents: (titles: string) =>
      `These phases wait for this one: ${titles}. Say what they wait for now (nothing is an answer too).`,
    notBefore: (key: string) => `"${key}" is not an earlier phase. A phase can only wait for one before it.`,
    noStart: 'Give a start date, or the phases this phase waits for.',
    templateUnknown: (id: string) => `There is no template "${id}". Choose one from GET /api/cycle-templates.`,
    roleUnknown: 'This role is not one of this template.',
    roleEmpty: 'Choose who does this: one or more people or organisations.',
    roleUnassigned: 'Nobody has this role in this cycle. Choose a role that someone has.',
    personUnknown: (id: string) => `There is no active person "${id}".`,
    organisationUnknown: (id: string) => `There is no organisation "${id}" with a contact.`,
    anchorFar: (days: string) => `This date lies too far ahead. Choose a date within ${days} days.`,
    anchorsPast: 'With this date every phase has passed. Choose the dates of a cycle still to come.',
    horizonFar: (days: string) => `The plan may run up to ${days} days after the latest date, not further.`,
    actielijnUnknown: (id: string) => `There is no actielijn "${id}". Choose one from GET /api/actielijnen.`,
  },
};

type Words = typeof refusalWords.nl;

/**
 * Why a change or cancel cannot be (409): the cycle changed since the office user read it, or it has
 * ended. Dutch and English, like a refusal; the API answers in the language asked.
 */
export const conflictWords = {
  nl: {
    stale: (now: number) =>
      `Iemand anders heeft deze cyclus intussen veranderd (nu versie ${now}). Lees hem opnieuw en probeer het nog eens.`,
    ended: 'Deze cyclus is gestopt of klaar. Die kunt u niet meer veranderen.',
    full: (max: number) => `Deze cyclus is al ${max} keer veranderd, vaker kan niet. Start zo nodig een nieuwe cyclus.`,
  },
  en: {
    stale: (now: number) =>
      `Someone else changed this cycle in the meantime (now version ${now}). Read it again and try once more.`,
    ended: 'This cycle was cancelled or is done. It cannot be changed any more.',
    full: (max: number) => `This cycle was changed ${max} times, which is the most. Start a new cycle if needed.`,
  },
};
/** One refusal: the field, and how to say it in each language (the same entry of `refusalWords`). */
export type Refusal = { field: string; nl: string; en: string };
/** What a refusal names: the same in both languages (a key, a date), or in each its own (a phase's title). */
export type Named = string | { nl: string; en: string };

/** A refusal in both languages from one entry of the words: `say('due', 'past')` or `say(field, 'anchorMissing', name)`. */
export function say<K extends keyof Words>(field: string, word: K, ...args: Named[]): Refusal {
  const pick = (lang: Lang) => {
    const w = refusalWords[lang][word] as string | ((...a: string[]) => string);
    return typeof w === 'function' ? w(...args.map((a) => (typeof a === 'string' ? a : a[lang]))) : w;
  };
  return { field, nl: pick('nl'), en: pick('en') };
}
