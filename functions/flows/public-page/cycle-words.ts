/**
 * The words of the public cycles page: plain Dutch first (B1), English alongside. What a cycle is for
 * is written here for residents, not taken from the template: the template's description is the
 * office's (reminders, the escalation ladder), and residents ask what it means for the neighbourhood.
 */
import type { Role } from '../cycle';
import { type Lang, ZONE } from '../../platform/time';

type StateKey = 'done' | 'running' | 'late' | 'toCome' | 'skipped';

const nl = {
  title: 'Wat doen we wanneer?',
  intro:
    'Sommige dingen doen we elk jaar, elk half jaar of elk kwartaal, in vaste stappen. ' +
    'Hier ziet u welke stappen al gedaan zijn, welke nu bezig zijn en welke nog komen.',
  none: 'Er is nu niets gepland.',
  link: 'Wat doen we wanneer? Bekijk de vaste stappen van het programma.',
  steps: 'De stappen',
  cycle: { planned: 'Begint binnenkort', running: 'Loopt nu', done: 'Afgerond' } as Record<string, string>,
  stopped: (d: string) => `Gestopt op ${d}. De stappen die nog kwamen, gaan niet door.`,
  state: {
    done: 'gedaan',
    running: 'bezig',
    late: 'te laat',
    toCome: 'komt nog',
    skipped: 'overgeslagen',
  } as Record<StateKey, string>,
  when: {
    done: (d: string) => `op ${d}`,
    running: (d: string) => `klaar vóór ${d}`,
    late: (d: string) => `moest klaar zijn op ${d}`,
    toCome: (m: string) => `gepland: ${m}`,
  },
  who: 'Wie',
  outcome: 'Uitkomst',
  roles: {
    programmeTeam: 'het programmateam',
    board: 'het alliantiebestuur',
    kerngroep: 'de kerngroep',
    opgaveteams: 'de opgaveteams',
    partners: 'de partners',
    residents: 'de bewoners',
    submitter: 'het programmabureau',
    advisoryCommittee: 'de adviescommissie',
    trekker: 'de trekker van de actielijn',
  } as Record<Role, string>,
  trekker: 'Trekker',
  purpose: {
    'spuk-application':
      'Samen Nieuw-West vraagt geld aan bij het Rijk, bij de regeling SPUK Kansrijke Wijk. ' +
      'Partners en bewoners vertellen wat er in de aanvraag moet komen. ' +
      'Het alliantiebestuur beslist of de aanvraag naar het ministerie gaat. ' +
      'Krijgen we het geld, dan laten we elk half jaar zien waar het aan wordt besteed.',
    'yearly-budget':
      'Elk jaar maken we een begroting: hoeveel geld gaat naar welk doel. ' +
      'De opgaveteams doen voorstellen en het alliantiebestuur beslist. ' +
      'In de zomer kijken we wat er al is uitgegeven en of er geld moet schuiven.',
    'half-yearly-advice':
      'Elk half jaar geeft de adviescommissie advies aan het alliantiebestuur. ' +
      'Het bestuur geeft antwoord op het advies. Het advies en het antwoord maken we openbaar.',
    'actielijn-monitoring':
      'Een actielijn is een plan met concrete acties. Elk kwartaal vertelt de trekker hoe het gaat: ' +
      'wat is gedaan, wat komt er en wat kan er misgaan. Daarna maken we bekend hoe het ervoor staat.',
  } as Record<string, string>,
};

const en: typeof nl = {
  title: 'What do we do when?',
  intro:
    'Some things we do every year, every half year or every quarter, in fixed steps. ' +
    'This page shows which steps are done, which are under way and which are still to come.',
  none: 'Nothing is planned now.',
  link: 'What do we do when? See the fixed steps of the programme.',
  steps: 'The steps',
  cycle: { planned: 'Starts soon', running: 'Under way', done: 'Finished' },
  stopped: (d: string) => `Stopped on ${d}. The steps still to come will not take place.`,
  state: { done: 'done', running: 'under way', late: 'late', toCome: 'to come', skipped: 'skipped' },
  when: {
    done: (d: string) => `on ${d}`,
    running: (d: string) => `due before ${d}`,
    late: (d: string) => `was due on ${d}`,
    toCome: (m: string) => `planned: ${m}`,
  },
  who: 'Who',
  outcome: 'Outcome',
  roles: {
    programmeTeam: 'the programme team',
    board: 'the alliance board',
    kerngroep: 'the kerngroep',
    opgaveteams: 'the opgaveteams',
    partners: 'the partners',
    residents: 'the residents',
    submitter: 'the programme office',
    advisoryCommittee: 'the advisory committee',
    trekker: "the actielijn's trekker",
  },
  trekker: 'Trekker',
  purpose: {
    'spuk-application':
      'Samen Nieuw-West applies to the national government for money, under the SPUK Kansrijke Wijk scheme. ' +
      'Partners and residents say what the application must contain. ' +
      'The alliance board decides whether the application goes to the ministry. ' +
      'If we get the money, we show every half year what it is spent on.',
    'yearly-budget':
      'Every year we make a budget: how much money goes to which goal. ' +
      'The opgaveteams make proposals and the alliance board decides. ' +
      'In the summer we look at what has been spent and whether money must move.',
    'half-yearly-advice':
      'Every half year the advisory committee advises the alliance board. ' +
      'The board answers the advice. We publish the advice and the answer.',
    'actielijn-monitoring':
      'An actielijn is a plan with concrete actions. Every quarter the trekker tells how it goes: ' +
      'what was done, what comes next and what could go wrong. Then we publish how it stands.',
  },
};

export const cycleWords = { nl, en };

const formats = new Map<string, Intl.DateTimeFormat>();
function format(iso: string, lang: Lang, withDay: boolean): string {
  const key = `${lang}${withDay}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'nl' ? 'nl' : 'en-GB', {
      ...(withDay ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: ZONE,
    });
    formats.set(key, f);
  }
  return f.format(new Date(iso));
}

/** "24 september 2026", on Amsterdam's calendar (a due date at 23:30 UTC is the next day there). */
export const publicDate = (iso: string, lang: Lang) => format(iso, lang, true);
/** "september 2026": a step still to come is planned for a month; its day may still move. */
export const publicMonth = (iso: string, lang: Lang) => format(iso, lang, false);
