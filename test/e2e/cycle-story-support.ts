/**
 * What the SPUK story (test/long/cycle-spuk-story.test.ts) reads besides the office API: the public cycles
 * page over HTTP, step by step, and every email as a list per recipient, to compare at the end.
 */
import { expect } from 'vitest';
import { linkIn, proofOn } from './follow-up-support';
import { people } from '../../local/demo-data';
import type { Harness } from '../support/local';

export const NAME = 'Aanvraag SPUK Kansrijke Wijk';
export const OFFICE = 'programmabureau@example.org';
/** The demo directory's addresses by first name, so the expected mail reads as a cast list. */
export const AT = Object.fromEntries(
  people.map((p) => [p.name.split(' ')[0].normalize('NFD').replace(/\W/g, ''), p.email]),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (s: string) => new RegExp(`(^|[^\\p{L}])${escape(s)}($|[^\\p{L}])`, 'iu');
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/**
 * The SPUK cycle's steps on GET /cycli as a resident reads them: title → "state, when" (Dutch).
 * Fails if the page names any person of the directory, by name, email or id.
 */
export async function publicSteps(h: Harness): Promise<{ cycle: string; steps: string[] }> {
  const page = await h.open(`${h.rt.urls.app}/cycli`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  for (const p of people)
    for (const s of [p.name, p.email, p.id, ...p.name.split(' ').filter((w) => w.length > 3)])
      expect(page.html, `${p.id}: ${s}`).not.toMatch(word(s));
  const section = page.html.split('<section>').find((s) => s.includes(`<h2>${NAME}</h2>`));
  expect(section, 'the SPUK cycle on the page').toBeDefined();
  const cycle = plain(/<p class="state">(.*?)<\/p>/.exec(section!)![1]).trim();
  const steps = (section!.match(/<li>.*?<\/li>/g) ?? []).map((li) =>
    plain(li)
      .replace(/ ,/g, ',')
      .replace(/ Wie: [^·]+· /, ': ')
      .trim(),
  );
  return { cycle, steps };
}

/**
 * The board's meeting on the anchor date (the agenda phase puts the application on it), and the SPUK
 * cycle started with the programme team, three partners, three residents and a submitter named.
 */
export async function startStory(h: Harness, anchors: Record<string, string>): Promise<string> {
  const series = await h.api('POST', '/api/meeting-series', {
    bodyId: 'alliantiebestuur',
    title: 'Vergadering alliantiebestuur',
    rrule: 'FREQ=MONTHLY;BYMONTHDAY=25;COUNT=1',
    startsOn: '2027-02-01',
    startTime: '16:00',
    durationMinutes: 120,
    chairId: 'p-anouk-de-vries',
    secretaryId: 'p-pieter-van-leeuwen',
  });
  expect(series.status).toBe(201);
  const res = await h.api('POST', '/api/cycles', {
    templateId: 'spuk-application',
    anchors,
    assignments: {
      programmeTeam: { personIds: ['p-pieter-van-leeuwen'] },
      partners: { organisationIds: ['woon', 'eigenwijks', 'ondersteboven'] },
      residents: { personIds: ['p-ria-jansen', 'p-hamid-ouali', 'p-wim-de-groot'] },
      kerngroep: { personIds: ['p-samira-amrani'] },
      board: { personIds: ['p-anouk-de-vries'] },
      submitter: { personIds: ['p-marloes-dijkstra'] },
    },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/**
 * The public page at the end of the story. A task is done on the cycle's next look at it (once a
 * day, docs/cycles.md), so the kick-off Pieter finished on the evening of 3 December shows the 4th.
 */
export const FINAL_STEPS = [
  'Start: wat werkte, wat moet groter, wat stopt?: gedaan, op 3 december 2026',
  'Bijdragen van partners: gedaan, op 7 januari 2027',
  'Wat bewoners belangrijk vinden: gedaan, op 7 januari 2027',
  'Concept-aanvraag schrijven: gedaan, op 3 februari 2027',
  'Kerngroep en opgaveteams kijken mee: gedaan, op 11 februari 2027 Uitkomst: Het voorstel is aangenomen.',
  'Aanvraag op de agenda van het alliantiebestuur: gedaan, op 25 februari 2027',
  'Het alliantiebestuur keurt de aanvraag goed: gedaan, op 25 februari 2027 Uitkomst: Het voorstel is aangenomen.',
  'Aanvraag indienen bij het ministerie: gedaan, op 8 maart 2027',
  'Toekenning vastleggen en verantwoording invoeren: gedaan, op 19 maart 2027',
  'Nieuws voor bewoners: hoe wordt het geld besteed?: gedaan, op 21 april 2027',
  'Nieuws voor bewoners: hoe wordt het geld besteed?: komt nog, gepland: juni 2028',
  'Eerste verantwoording aan het ministerie: gedaan, op 21 april 2027',
];

/** Every email so far: recipient → its subjects in the order sent. */
export async function mailByRecipient(h: Harness): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const m of await h.mail()) (all[m.to] ??= []).push(m.subject);
  return all;
}

/** The owner answers the action item through the link of the latest email about it that has one. */
export async function itemAnswer(h: Harness, address: string, subject: string, result: string) {
  const mails = (await h.mailTo(address, subject)).filter((m) => /\/f\//.test(m.text));
  expect(mails.length).toBeGreaterThan(0);
  const link = linkIn(mails.at(-1)!.text);
  const res = await h.post(link, { proof: await proofOn(h, link), answer: 'done', result });
  expect(res.status).toBe(200);
  await h.rt.whenIdle();
}

/** The phases' titles as their flows carry them (cycle name, then the phase), so subjects say what they are about. */
export const T = {
  kickOff: `${NAME}: Start: wat werkte, wat moet groter, wat stopt?`,
  partners: `${NAME}: Bijdragen van partners`,
  residents: `${NAME}: Wat bewoners belangrijk vinden`,
  draft: `${NAME}: Concept-aanvraag schrijven`,
  review: `${NAME}: Kerngroep en opgaveteams kijken mee`,
  approval: `${NAME}: Het alliantiebestuur keurt de aanvraag goed`,
  submission: `${NAME}: Aanvraag indienen bij het ministerie`,
  report: `${NAME}: Eerste verantwoording aan het ministerie`,
};

/**
 * Every email of the story, per recipient: the cycle's flows, the board meeting's own mail (its
 * agenda call, invitation, the day before, the minutes nobody wrote) and the harness's seeded
 * kerngroep round (its six representatives and the office).
 */
export function expectedMail(): Record<string, string[]> {
  const SEEDED = 'Verslag themabijeenkomst De Punt van 10 juni vaststellen';
  const seeded = [
    `Uw besluit gevraagd: ${SEEDED}`,
    `Herinnering: uw besluit over ${SEEDED}`,
    `Besluit: ${SEEDED} is aangenomen`,
  ];
  const review = (answered: boolean) => [
    `Uw besluit gevraagd: ${T.review}`,
    answered ? `Ontvangen: uw besluit over ${T.review}` : `Herinnering: uw besluit over ${T.review}`,
    `Besluit: ${T.review} is aangenomen`,
  ];
  const MEETING = 'Vergadering alliantiebestuur';
  const meeting = [
    `Agendapunten voor ${MEETING} van donderdag 25 februari 2027 om 16:00 uur`,
    `Uitnodiging: ${MEETING}, donderdag 25 februari 2027 om 16:00 uur`,
    `Morgen: ${MEETING}`,
  ];
  const board = (voted: boolean) => [
    ...meeting,
    `Uw besluit gevraagd: ${T.approval}`,
    voted ? `Ontvangen: uw besluit over ${T.approval}` : `Herinnering: uw besluit over ${T.approval}`,
    `Besluit: ${T.approval} is aangenomen`,
  ];
  const item = (t: string, late: boolean) => [
    `Herinnering: ${t}`,
    ...(late ? [`Herinnering: ${t}`, `Is het gelukt? ${t}`, `Afspraak niet nagekomen: ${t}`] : []),
    `Ontvangen: ${t}`,
  ];
  return {
    [OFFICE]: [
      `Besluit: ${SEEDED} is aangenomen`,
      ...[T.kickOff, T.draft, T.submission, T.report].map((t) => `Afgerond: ${t}`),
      ...[T.partners, T.residents].map((t) => `Overzicht uitvraag: ${t}`),
      ...[T.review, T.approval].map((t) => `Besluit: ${t} is aangenomen`),
      `Geen vastgesteld verslag: ${MEETING}`,
    ],
    [AT.Pieter]: [
      ...item(T.kickOff, false),
      ...item(T.draft, true),
      ...meeting,
      `Verslag van ${MEETING}`,
      `Herinnering: verslag van ${MEETING}`,
    ],
    [AT.Samira]: [T.draft, T.report].map((t) => `Afspraak niet nagekomen: ${t}`),
    [AT.Ruben]: [`Gevraagd: ${T.partners}`, `Ontvangen: ${T.partners}`, ...board(false)],
    [AT.Fatima]: [`Gevraagd: ${T.partners}`, `Ontvangen: ${T.partners}`],
    [AT.Yusuf]: [`Gevraagd: ${T.partners}`, `Herinnering: ${T.partners}`],
    [AT.Ria]: [`Wat vindt u? ${T.residents}`, `Ontvangen: ${T.residents}`, ...board(true)],
    [AT.Hamid]: [`Wat vindt u? ${T.residents}`, ...board(true)],
    [AT.Wim]: [...seeded, `Wat vindt u? ${T.residents}`, `Herinnering: ${T.residents}`, ...review(false)],
    [AT.Kees]: [...seeded, ...review(true)],
    [AT.Aisha]: [...seeded, ...review(true)],
    [AT.Latifa]: [...seeded, ...review(false)],
    [AT.Johan]: [...seeded, ...review(false)],
    [AT.Dewi]: [
      `Your decision is requested: ${SEEDED}`,
      `Reminder: your decision on ${SEEDED}`,
      `Decision: ${SEEDED} was approved`,
      `Your decision is requested: ${T.review}`,
      `Reminder: your decision on ${T.review}`,
      `Decision: ${T.review} was approved`,
    ],
    [AT.Anouk]: [...board(true), `Verslag ontbreekt: ${MEETING}`],
    [AT.Mehmet]: board(true),
    [AT.Marloes]: [...board(false), ...item(T.submission, false), ...item(T.report, true)],
    [AT.Esther]: [
      `Agenda items for ${MEETING} on Thursday 25 February 2027 at 16:00`,
      `Invitation: ${MEETING}, Thursday 25 February 2027 at 16:00`,
      `Tomorrow: ${MEETING}`,
      `Your decision is requested: ${T.approval}`,
      `Reminder: your decision on ${T.approval}`,
      `Decision: ${T.approval} was approved`,
    ],
  };
}
