/**
 * The demo's running cycles, so a new user sees the programme's cycle on first start: the SPUK
 * application for the next board meeting (after the one of 24 September in the board's minutes),
 * and the quarterly monitoring of three actielijnen from the implementation programme. They are
 * made through the cycle API like any the office starts, so their workflows run as in the cloud.
 *
 * The dates count from the moment the demo data first went in, whatever today is:
 * - the board meeting is the first Thursday (the board met on a Thursday) at least 60 days ahead,
 *   at 16:00; the ministry's deadline three weeks later. The kick-off (twelve weeks before the
 *   meeting) was then due 11 to 17 days ago, so its action item cannot be made any more: the office
 *   records it as held. The partners' round and the residents' round then run (closing 11 to 17
 *   days ahead; one resident's letter is recorded by the office), and the draft, the reviews and
 *   the board's decision are to come.
 * - an actielijn's monitoring year begins on the first of the month two months back, so the first
 *   quarter's report is asked from this month's first day (09:00) and due on the 15th of next month
 *   (the template's three months and 14 days), at 17:00.
 */
import { TZDate } from '@date-fns/tz';
import { isoWithOffset, ZONE, zoned } from '../functions/platform/time';

const THURSDAY = 4;

export function spukAnchors(now: Date) {
  const today = zoned(now);
  let meeting = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + 60, 16, 0, ZONE);
  for (let k = 61; meeting.getDay() !== THURSDAY; k++)
    meeting = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + k, 16, 0, ZONE);
  const deadline = new TZDate(meeting.getFullYear(), meeting.getMonth(), meeting.getDate() + 21, 17, 0, ZONE);
  return { boardMeeting: isoWithOffset(meeting), ministryDeadline: isoWithOffset(deadline) };
}

/**
 * The board meets every six weeks on Thursday from the SPUK application's meeting on, so the
 * cycle's agenda phase finds that meeting and puts the application on it.
 */
export function boardMeetings(now: Date) {
  return {
    bodyId: 'alliantiebestuur',
    title: 'Vergadering alliantiebestuur',
    rrule: 'FREQ=WEEKLY;INTERVAL=6;BYDAY=TH',
    startsOn: spukAnchors(now).boardMeeting.slice(0, 10),
    startTime: '16:00',
    durationMinutes: 120,
    chairId: 'p-anouk-de-vries',
    secretaryId: 'p-pieter-van-leeuwen',
  };
}

/** The next SPUK application: who fills each role (the people and partners of the demo directory). */
export function spukCycle(now: Date) {
  return {
    templateId: 'spuk-application',
    anchors: spukAnchors(now),
    assignments: {
      programmeTeam: { personIds: ['p-samira-amrani'] },
      partners: { organisationIds: ['woon', 'eigenwijks', 'ondersteboven', 'bloei-en-groei'] },
      residents: { personIds: ['p-ria-jansen', 'p-hamid-ouali', 'p-aisha-toure', 'p-wim-de-groot'] },
      kerngroep: { personIds: ['p-kees-brouwer'] },
      board: { personIds: ['p-anouk-de-vries'] },
      submitter: { personIds: ['p-pieter-van-leeuwen'] },
    },
  };
}

/**
 * Actielijnen of the implementation programme 2024-2027 (seed 003), each with the opgave it belongs
 * to and the fields of its format (appendix 2), in short, from what the programme says of them. The
 * seeds name no trekkers or contact persons; the demo gives each a partner organisation as trekker
 * and the programme office's Samira Amrani as contact; two have a first current state, the third
 * waits for its trekker's first report. Each is made through POST /api/actielijnen,
 * then its monitoring cycle is started about it.
 */
export const demoActielijnen = [
  {
    key: 'wijkallianties',
    name: 'Ontwikkeling van wijkallianties in focusbuurten',
    opgave: 'Eigenaarschap, inclusie & democratie',
    trekker: 'eigenwijks',
    parties: ['Bewoners van de focusbuurten', 'Wijkverbinders', 'Partners van de alliantie'],
    problem:
      'In tien buurten in Osdorp, Slotervaart, Geuzenveld en Slotermeer staan de veerkracht en het ' +
      'bestaan van bewoners het meest onder druk. Bewoners voelen zich niet gehoord.',
    residentOwnership:
      'Bewoners brengen in ontwerpsessies zelf in kaart wat de kracht van hun wijk is en wat er nodig is.',
    approach: 'Een aanjager met een groot netwerk in de buurten organiseert de sessies samen met wijkverbinders.',
    result: 'In elke focusbuurt een wijkalliantie van bewoners en partners die samen aan de buurt werkt.',
    monitoring: 'Elk kwartaal vertelt de trekker hoe het gaat; de stand van zaken staat op de openbare pagina.',
    currentState: 'We zoeken een aanjager voor de eerste focusbuurten. Daarna plannen we de eerste ontwerpsessies.',
  },
  {
    key: 'cooperatieven',
    name: 'Coöperatieven',
    opgave: 'Community wealth building',
    trekker: 'nexum',
    parties: ['AmsterDoen', 'MeentCoop', 'Ankerorganisaties van de alliantie'],
    problem: 'Werk en geld blijven te weinig in de buurt. Bewoners hebben weinig zeggenschap over hun werk.',
    residentOwnership: 'Bewoners en werknemers zijn samen eigenaar van de coöperatie en beslissen mee.',
    approach: 'We bouwen voort op wat er al is in Nieuw-West en koppelen het aan de inkoop van ankerorganisaties.',
    result:
      'In 2024 en 2025 minstens vier coöperatieven van werknemers of buurtbewoners, waarvan één grote ' +
      'voor de hele wijk met zo’n vijftig werknemers.',
    monitoring: 'We volgen hoe de coöperatieven opstarten en wat ze opleveren voor de buurt.',
    risks: 'Geld om te starten, en ruimte om te werken.',
    currentState: 'We brengen in kaart welke initiatieven er al zijn en kunnen groeien.',
  },
  {
    key: 'voorzieningen',
    name: 'Passende maatschappelijke voorzieningen, winkels en bedrijfsruimtes in de buurt',
    opgave: 'Wonen en leefomgeving',
    trekker: 'woon',
    parties: ['Ondernemers in de buurt', 'Bewoners', 'Woningcorporaties'],
    problem: 'Voorzieningen, winkels en bedrijfsruimtes passen niet altijd bij wat de buurt nodig heeft.',
    residentOwnership: 'Bewoners en ondernemers zeggen wat de buurt nodig heeft, en gebruiken de ruimtes samen.',
    approach: 'Ruimtes worden gekoppeld aan ondernemers die de buurt willen verbeteren, tegen een betaalbare huur.',
    result: 'Betaalbare ruimtes die passen bij de buurt, en ontmoetingsplekken die bewoners als een huiskamer ervaren.',
    monitoring: 'Elk kwartaal vertelt de trekker hoe het gaat.',
  },
] as const;

export type DemoActielijn = (typeof demoActielijnen)[number];

/** The request that makes a demo actielijn (POST /api/actielijnen). */
export function actielijnRecord(a: DemoActielijn) {
  const { key: _, trekker, ...fields } = a;
  return { ...fields, parties: [...a.parties], trekkerOrganisationIds: [trekker], contactPersonId: 'p-samira-amrani' };
}

export function monitoringYearStart(now: Date): string {
  const today = zoned(now);
  return isoWithOffset(new TZDate(today.getFullYear(), today.getMonth() - 2, 1, 0, 0, ZONE));
}

/** The monitoring cycle about an actielijn: its trekker reports each quarter, which becomes its current state. */
export function actielijnCycle(now: Date, trekker: string, actielijnId: string) {
  return {
    templateId: 'actielijn-monitoring',
    subject: { actielijnId },
    anchors: { yearStart: monitoringYearStart(now) },
    assignments: {
      trekker: { organisationIds: [trekker] },
      programmeTeam: { personIds: ['p-samira-amrani'] },
    },
  };
}
