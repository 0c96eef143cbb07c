/**
 * What the reminder budget's end-to-end files share: the people, the links in an email, the form's
 * proof, which emails are reminders, and the two days of reminders they look at.
 */
import { expect } from 'vitest';
import type { Harness } from '../support/local';

export const MARLOES = 'marloes.dijkstra@example.org';
export const RUBEN = 'ruben.kok@example.org';
export const links = (text: string, kind: string) => [
  ...new Set(text.match(new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_.-]+`, 'g')) ?? []),
];
export const proofOf = (html: string) => /name="proof" value="([^"]+)"/.exec(html)![1];
/** Emails that are reminders: the flows' own reminder subjects, or a combined message. */
export const reminderMails = async (h: Harness, to: string) =>
  (await h.mailTo(to)).filter((m) =>
    /^(Herinnering|Reminder|Is het gelukt|Afspraak niet|\d+ (dingen|things))/.test(m.subject),
  );

export async function created(h: Harness, path: string, body: Record<string, unknown>) {
  const res = await h.api('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await h.rt.whenIdle();
  return res.body.id as string;
}

/** Five things for Marloes whose reminders all fall on Thursday 5 November, 17:00 (the clock: Monday 2 November). */
export async function fiveThingsForMarloes(h: Harness) {
  // Thursday 12 November, 17:00: three agreements for Marloes; their first reminders fall on
  // Thursday 5 November, 17:00.
  for (const what of ['Buurtbudget verdelen', 'Speelplek Dijkgraafsplein', 'Verlichting Lambertus Zijlplein']) {
    await created(h, '/api/follow-ups', {
      what,
      due: '2026-11-12T17:00:00+01:00',
      bodyId: 'kerngroep-de-punt',
      ownerPersonId: 'p-marloes-dijkstra',
    });
  }
  // A board round and an input round to her municipality, both reminding at that same moment.
  await created(h, '/api/rounds', {
    title: 'Convenant 2027',
    summary: 'Gaat u akkoord?',
    bodyId: 'alliantiebestuur',
    rule: { type: 'majority' },
    deadline: '2026-11-08T17:00:00+01:00',
    reminders: ['P3D'],
  });
  await created(h, '/api/input-rounds', {
    title: 'Cijfers jaarverslag',
    request: 'Aantal deelnemers in 2026',
    organisationIds: ['gemeente'],
    deadline: '2026-11-08T17:00:00+01:00',
    reminders: ['P3D'],
    bodyId: 'alliantiebestuur',
  });
}

/** Ruben's Friday 20 November: three agreements due on Saturday and a board round closing on Friday evening. */
export async function rubensFriday(h: Harness) {
  // Due Saturday 21 November at 22:30: its one-day reminder falls on Friday at 22:30, in quiet hours.
  await created(h, '/api/follow-ups', {
    what: 'Afvalbakken legen',
    due: '2026-11-21T22:30:00+01:00',
    bodyId: 'kerngroep-de-punt',
    ownerPersonId: 'p-ruben-kok',
  });
  // Due Saturday at 12:00 and 14:00: reminders on Friday at 12:00 and 14:00.
  await created(h, '/api/follow-ups', {
    what: 'Bankjes schilderen',
    due: '2026-11-21T12:00:00+01:00',
    bodyId: 'kerngroep-de-punt',
    ownerPersonId: 'p-ruben-kok',
  });
  await created(h, '/api/follow-ups', {
    what: 'Bewonersavond voorbereiden',
    due: '2026-11-21T14:00:00+01:00',
    bodyId: 'kerngroep-de-punt',
    ownerPersonId: 'p-ruben-kok',
  });
  // A board round closing on Friday at 20:00, reminding at 15:00.
  await created(h, '/api/rounds', {
    title: 'Inzet jongerenwerk',
    summary: 'Akkoord?',
    bodyId: 'alliantiebestuur',
    rule: { type: 'majority' },
    deadline: '2026-11-20T20:00:00+01:00',
    reminders: ['PT5H'],
  });
}
