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
  await h.api('POST', '/api/input-rounds', {
    title: 'Cijfers',
    request: 'Aantallen 2026',
    organisationIds: Array.from({ length: partners }, (_, i) => `bench-org-${i}`),
    deadline: due,
    reminders: ['P3D', 'P1D'],
    bodyId: 'alliantiebestuur',
  });
  await h.rt.whenIdle();
  const created = performance.now() - t;
  // Day by day from midnight in Amsterdam, so each contact's reminder messages are counted per calendar day.
  await h.to(
    DateTime.fromJSDate(h.rt.clock.now()).setZone('Europe/Amsterdam').plus({ days: 1 }).startOf('day').toJSDate(),
  );
  const REMINDER = /^(Herinnering|Reminder|Is het gelukt|Is it done|Afspraak niet|Agreement not)/;
  const COMBINED = /^(\d+) (dingen wachten|things are waiting)/;
  const seen = new Set<string>();
  let maxPerDay = 0;
  let messages = 0;
  let carried = 0;
  for (let day = 0; day < 12; day++) {
    await h.advance('P1D');
    const perContact = new Map<string, number>();
    for (const m of await h.mail()) {
      const key = `${m.to}|${m.subject}|${m.text}`;
      if (seen.has(key) || !m.to.startsWith('contact.')) continue;
      seen.add(key);
      const combined = COMBINED.exec(m.subject);
      if (!combined && !REMINDER.test(m.subject)) continue;
      messages += 1;
      carried += combined ? Number(combined[1]) : 1;
      perContact.set(m.to, (perContact.get(m.to) ?? 0) + 1);
    }
    maxPerDay = Math.max(maxPerDay, ...perContact.values());
  }
  const wall = performance.now() - t;
  const mails = (await h.mail()).filter((m) => m.to.startsWith('contact.'));
  rows.push([
    '1,000 action items + input round to 200 partners, 12 days',
    `${(wall / 1000).toFixed(1)} s (${(created / 1000).toFixed(1)} s to create)`,
    '',
    `${mails.length} emails to contacts; ${carried} reminders due went out in ${messages} reminder messages; ` +
      `at most ${maxPerDay} reminder message(s) per contact per day (target: 1)`,
  ]);
}
