/**
 * The send of 1,000 due reminders against its floor: a raw loop of 1,000 sends of the same message
 * through the same SES client to the same stand-in. The reminders fall due in quiet hours (02:00) so
 * the flows only queue them; the timed part is the morning's send alone. While it runs, every SDK
 * call the handlers make is counted by service and operation: what a reminder costs besides its send.
 */
import { DateTime } from 'luxon';
import type { Harness } from '../test/support/local';
import { addPeople, rows } from './common';

/** Calls per `service operation` while `counting`; installed once, on the handlers' own clients. */
const calls = new Map<string, number>();
let counting = false;
let installed = false;

async function countSdkCalls(): Promise<void> {
  if (installed) return;
  installed = true;
  const count = (key: string) => counting && calls.set(key, (calls.get(key) ?? 0) + 1);
  const { dynamoRaw, ses } = await import('../functions/platform/clients');
  for (const [service, client] of [
    ['DynamoDB', dynamoRaw],
    ['SES', ses],
  ] as const)
    client.middlewareStack.add(
      (next, context) => (args) => {
        count(`${service} ${context.commandName?.replace(/Command$/, '')}`);
        return next(args);
      },
      { step: 'initialize', name: 'benchCallCounter' },
    );
  // The scheduler client is the adapter's own: counted where its calls arrive, at the stand-in.
  const { LocalScheduler } = await import('../local/scheduler-server');
  const handle = LocalScheduler.prototype.handle;
  const ops: Record<string, string> = { POST: 'Create', PUT: 'Update', DELETE: 'Delete', GET: 'Get' };
  LocalScheduler.prototype.handle = function (method, ...rest) {
    count(`Scheduler ${ops[method] ?? method}Schedule`);
    return handle.call(this, method, ...rest);
  };
}

/** `12.3 SDK calls a reminder: DynamoDB 9.1 (Query 3.0, …), …`, busiest first. */
function perReminder(n: number): string {
  const byService = new Map<string, [string, number][]>();
  for (const [key, c] of calls) {
    const [service, op] = key.split(' ');
    byService.set(service, [...(byService.get(service) ?? []), [op, c]]);
  }
  const total = [...calls.values()].reduce((a, b) => a + b, 0);
  const f = (c: number) => (c / n).toFixed(2);
  const services = [...byService]
    .map(([service, ops]) => [service, ops.sort((a, b) => b[1] - a[1])] as const)
    .sort((a, b) => b[1].reduce((x, y) => x + y[1], 0) - a[1].reduce((x, y) => x + y[1], 0))
    .map(
      ([service, ops]) =>
        `${service} ${f(ops.reduce((x, y) => x + y[1], 0))} (${ops.map(([op, c]) => `${op} ${f(c)}`).join(', ')})`,
    );
  return `${f(total)} SDK calls a reminder: ${services.join('; ')}`;
}

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
  await countSdkCalls();
  calls.clear();
  const before = (await h.mail()).length;
  counting = true;
  const t = performance.now();
  const reminderDay = deadline.minus({ days: 1 });
  // Each person's schedule fires at their own moment in the first quarter past 08:00; a send that
  // fails tries again later, so the row follows the clock in quarter hours until all have arrived
  // (or noon, when it fails).
  let sent: Awaited<ReturnType<Harness['mail']>> = [];
  let recipients = 0;
  for (
    let at = reminderDay.set({ hour: 8, minute: 15 });
    recipients < N && at.hour < 12;
    at = at.plus({ minutes: 15 })
  ) {
    await h.to(at.toJSDate());
    await h.rt.whenIdle();
    sent = (await h.mail()).slice(before).filter((m) => m.to.startsWith('bench-rem.'));
    recipients = new Set(sent.map((m) => m.to)).size;
  }
  const sending = performance.now() - t;
  counting = false;
  if (recipients < N) throw new Error(`reminders: ${sent.length} sent to ${recipients} people by noon, expected ${N}`);
  if (sent.length > recipients)
    throw new Error(`reminders: ${sent.length} sent to ${recipients} people: someone got more than one`);

  const { SesMailer } = await import('../functions/engine/ses-mailer');
  const mailer = new SesMailer('noreply@example.org');
  const { subject, text, html } = sent[0];
  const r = performance.now();
  for (let i = 0; i < N; i++)
    await mailer.send({ to: `bench-raw.${i}@example.org`, subject, text, html, tag: 'bench' });
  const raw = performance.now() - r;
  const ratio = sending / raw;
  const profile = perReminder(sent.length);
  console.log(`reminders: ${profile}`);
  rows.push([
    '1,000 due reminders sent (vs raw loop of 1,000 SES sends)',
    `${(sending / 1000).toFixed(1)} s (${sent.length} sent, ${recipients} people; ${profile})`,
    `${(raw / 1000).toFixed(1)} s raw loop`,
    `≤ 1.3× floor: ${ratio.toFixed(1)}×; all 1,000 by noon, one each`,
    ratio <= 1.3 ? 'pass' : 'FAIL',
  ]);
}
