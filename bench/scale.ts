/** 1,000 open action items and an input round to 200 partners, on the moved clock. */
import { DateTime } from 'luxon';
import type { Harness } from '../test/support/local';
import { rows } from './common';

export async function flowsAtScale(h: Harness) {
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  const partners = 200;
  for (let i = 0; i < partners; i++) {
    await directory.put('person', {
      id: `bench-contact-${i}`,
      name: `Contact ${i}`,
      email: `contact.${i}@example.org`,
      lang: 'nl',
      kind: 'partner-contact',
      active: true,
    });
    await directory.put('org', {
      id: `bench-org-${i}`,
      name: `Partner ${i}`,
      kind: 'foundation',
      contactIds: [`bench-contact-${i}`],
    });
  }
  const start = h.rt.clock.now().getTime();
  const due = new Date(start + 10 * 86400_000).toISOString();
  const t = performance.now();
  for (let i = 0; i < 1000; i++) {
    const res = await h.api('POST', '/api/follow-ups', {
      what: `Afspraak ${i}`,
      due,
      bodyId: 'kerngroep-de-punt',
      ownerOrganisationId: `bench-org-${i % partners}`,
    });
    if (res.status !== 201) throw new Error(`follow-up not created: ${res.status}`);
  }
  const input = await h.api('POST', '/api/input-rounds', {
    title: 'Cijfers',
    request: 'Aantallen 2026',
    organisationIds: Array.from({ length: partners }, (_, i) => `bench-org-${i}`),
    deadline: due,
    reminders: ['P3D', 'P1D'],
    bodyId: 'alliantiebestuur',
  });
  if (input.status !== 201) throw new Error(`input round not created: ${input.status}`);
  await h.rt.whenIdle();
  const created = performance.now() - t;
  // Day by day from midnight in Amsterdam, so each contact's reminder messages are counted per calendar day.
  await h.to(
    DateTime.fromJSDate(h.rt.clock.now()).setZone('Europe/Amsterdam').plus({ days: 1 }).startOf('day').toJSDate(),
  );
  const REMINDER = /^(Herinnering|Reminder|Is het gelukt|Is it done|Afspraak niet|Agreement not)/;
  const COMBINED = /^(\d+) (dingen wachten|things are waiting)/;
  let maxPerDay = 0;
  let messages = 0;
  let carried = 0;
  let read = (await h.mail()).length;
  for (let day = 0; day < 12; day++) {
    await h.advance('P1D');
    // What the SES stand-in received during this one local day (midnight to midnight in Amsterdam),
    // counted per recipient: the budget allows one reminder message a day, combined or single.
    const today = (await h.mail()).slice(read);
    read += today.length;
    const perContact = new Map<string, number>();
    for (const m of today) {
      if (!m.to.startsWith('contact.')) continue;
      const combined = COMBINED.exec(m.subject);
      if (!combined && !REMINDER.test(m.subject)) continue;
      messages += 1;
      carried += combined ? Number(combined[1]) : 1;
      perContact.set(m.to, (perContact.get(m.to) ?? 0) + 1);
    }
    maxPerDay = Math.max(maxPerDay, 0, ...perContact.values());
  }
  const wall = performance.now() - t;
  const mails = (await h.mail()).filter((m) => m.to.startsWith('contact.'));
  // The row says what ran: every item asked its owner, the input round asked all 200, reminders went.
  const itemCount = (await h.api('GET', '/api/follow-ups')).body.followUps.length;
  const asked = mails.filter((m) => m.subject.includes('Cijfers')).length;
  if (itemCount < 1000) throw new Error(`scale: ${itemCount} action items, expected 1000`);
  if (asked < partners) throw new Error(`scale: the input round reached ${asked} contacts, expected ${partners}`);
  if (messages < partners) throw new Error(`scale: ${messages} reminder messages, expected at least ${partners}`);
  if (maxPerDay > 1) throw new Error(`scale: a contact got ${maxPerDay} reminder messages on one day`);
  rows.push([
    '1,000 action items + input round to 200 partners, 12 days',
    `${(wall / 1000).toFixed(1)} s (${(created / 1000).toFixed(1)} s to create)`,
    '',
    `≤ 60 s; ${mails.length} emails to contacts; ${carried} reminders due went out in ${messages} messages; ` +
      `at most ${maxPerDay} reminder message per contact per day`,
    wall <= 60_000 ? 'pass' : 'FAIL',
  ]);
}
