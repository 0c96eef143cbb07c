/**
 * The send of 1,000 due reminders against its floor: a raw loop of 1,000 sends of the same message
 * through the same SES client to the same stand-in. The reminders fall due in quiet hours (02:00) so
 * the flows only queue them; the timed part is the 08:00 send alone.
 */
import { DateTime } from 'luxon';
import type { Harness } from '../test/support/local';
import { addPeople, rows } from './common';

const N = 1000;
const PER_ROUND = 150; // a round's largest approver list

export async function dueReminders(h: Harness) {
  const people = await addPeople(N, 'bench-rem');
  const day = DateTime.fromJSDate(h.rt.clock.now()).setZone('Europe/Amsterdam').startOf('day').plus({ days: 3 });
  // Not a Sunday: 08:00 on a Sunday is still quiet, and the send would move to Monday.
  const deadline = (day.weekday === 1 ? day.plus({ days: 1 }) : day).set({ hour: 2 });
  for (let i = 0; i < N; i += PER_ROUND) {
    const res = await h.api('POST', '/api/rounds', {
      title: `Herinneringsronde ${i / PER_ROUND + 1}`,
      summary: 'x',
      approverIds: people.slice(i, i + PER_ROUND).map((p) => p.id),
      rule: { type: 'majority' },
      deadline: deadline.toISO(),
      reminders: ['P1D'],
    });
    if (res.status !== 201) throw new Error(`reminders: round not created: ${res.status}`);
  }
  await h.rt.whenIdle();
  await h.to(deadline.minus({ days: 1 }).set({ hour: 7, minute: 59 }).toJSDate());
  await h.rt.whenIdle();
  const before = (await h.mail()).length;
  const t = performance.now();
  const reminderDay = deadline.minus({ days: 1 });
  // All 1,000 schedules fire at 08:00 at once; a send that times out tries again later, so the row
  // follows the clock in quarter hours until all have arrived (or noon, when it fails).
  let sent: Awaited<ReturnType<Harness['mail']>> = [];
  for (
    let at = reminderDay.set({ hour: 8, minute: 15 });
    sent.length < N && at.hour < 12;
    at = at.plus({ minutes: 15 })
  ) {
    await h.to(at.toJSDate());
    await h.rt.whenIdle();
    sent = (await h.mail()).slice(before).filter((m) => m.to.startsWith('bench-rem.'));
  }
  const sending = performance.now() - t;
  const recipients = new Set(sent.map((m) => m.to)).size;
  if (sent.length < N || recipients < N)
    throw new Error(`reminders: ${sent.length} sent to ${recipients} people by noon, expected ${N}`);

  const { SesMailer } = await import('../functions/engine/ses-mailer');
  const mailer = new SesMailer('noreply@example.org');
  const { subject, text, html } = sent[0];
  const r = performance.now();
  for (let i = 0; i < N; i++)
    await mailer.send({ to: `bench-raw.${i}@example.org`, subject, text, html, tag: 'bench' });
  const raw = performance.now() - r;
  const ratio = sending / raw;
  rows.push([
    '1,000 due reminders sent (vs raw loop of 1,000 SES sends)',
    `${(sending / 1000).toFixed(1)} s (${sent.length} sent)`,
    `${(raw / 1000).toFixed(1)} s raw loop`,
    `≤ 1.3× floor: ${ratio.toFixed(1)}× ${ratio <= 1.3 ? 'pass' : 'FAIL'}`,
  ]);
}
