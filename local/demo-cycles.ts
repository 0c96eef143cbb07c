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
 * to. The seeds name no trekkers; the demo gives each a partner organisation as trekker.
 */
export const demoActielijnen = [
  {
    key: 'wijkallianties',
    name: 'Ontwikkeling van wijkallianties in focusbuurten',
    opgave: 'Eigenaarschap, inclusie & democratie',
    trekker: 'eigenwijks',
  },
  {
    key: 'cooperatieven',
    name: 'Coöperatieven',
    opgave: 'Community wealth building',
    trekker: 'nexum',
  },
  {
    key: 'voorzieningen',
    name: 'Passende maatschappelijke voorzieningen, winkels en bedrijfsruimtes in de buurt',
    opgave: 'Wonen en leefomgeving',
    trekker: 'woon',
  },
] as const;

export function monitoringYearStart(now: Date): string {
  const today = zoned(now);
  return isoWithOffset(new TZDate(today.getFullYear(), today.getMonth() - 2, 1, 0, 0, ZONE));
}

export function actielijnCycle(now: Date, trekker: string) {
  return {
    templateId: 'actielijn-monitoring',
    anchors: { yearStart: monitoringYearStart(now) },
    assignments: {
      trekker: { organisationIds: [trekker] },
      programmeTeam: { personIds: ['p-samira-amrani'] },
    },
  };
}
