/**
 * The approval round's sends under an outage: invitations (the office creates a round), the
 * receipt (a member decides), the outcome (the deadline passes), a reminder and a digest of two
 * (their planned moment passes). Each returns the emails it expects, by exact subject.
 */
import { BOARD, Harness } from '../../support/local';
import type { Expected, FaultRun } from '../fault-run';

const DAY = 86400_000;

async function createRound(run: FaultRun, title: string, days: number, reminders: string[]): Promise<string> {
  const created = await run.h.api('POST', '/api/rounds', {
    title,
    summary: 'Gaat u akkoord?',
    bodyId: 'alliantiebestuur',
    rule: { type: 'majority' },
    deadline: new Date(run.h.rt.clock.now().getTime() + days * DAY).toISOString(),
    reminders,
  });
  run.seen(created.status, 'POST /api/rounds');
  if (created.status !== 201) run.problems.push(`round not created: ${created.status}`);
  await run.h.rt.whenIdle();
  return created.body?.id;
}

/** Esther reads English (demo data); everyone else on the board Dutch. */
const ENGLISH = new Set(['esther.boateng@example.org']);
const subjectFor = (to: string, nl: string, en: string) => (ENGLISH.has(to) ? en : nl);
const toBoard = (nl: string, en: string): Expected[] =>
  BOARD.map(([, to]) => ({ to, subject: subjectFor(to, nl, en) }));

/** A member's decision through the link in their invitation, as a person does it. */
async function decide(run: FaultRun, address: string, title: string, choice: string): Promise<void> {
  const invitation = (await run.h.mailTo(address, title)).find((m) => m.subject.endsWith(`: ${title}`));
  if (!invitation) return void run.problems.push(`no invitation for ${address}`);
  const link = Harness.link(invitation);
  const page = await run.h.open(link);
  if (run.seen(page.status, 'decision page') !== 200) return;
  const proof = /name="proof" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
  const res = await run.h.post(link, { proof, choice });
  run.seen(res.status, 'decision POST');
  if (res.status === 200 && !/ontvangen|received/i.test(res.html))
    run.problems.push(`decision page without confirmation (${address})`);
}

export async function invitations(run: FaultRun): Promise<Expected[]> {
  const title = 'Storing bij de uitnodigingen';
  await run.during(async () => void (await createRound(run, title, 10, ['P3D'])));
  return toBoard(`Uw besluit gevraagd: ${title}`, `Your decision is requested: ${title}`);
}

export async function receipt(run: FaultRun): Promise<Expected[]> {
  const title = 'Storing bij de ontvangstbevestiging';
  await createRound(run, title, 10, ['P3D']);
  const [, address] = BOARD[0];
  const other = BOARD[4][1];
  await run.during(async () => {
    await decide(run, address, title, 'approve');
    await decide(run, other, title, 'reject');
  });
  return [
    { to: address, subject: `Ontvangen: uw besluit over ${title}` },
    { to: other, subject: `Received: your decision on ${title}` },
  ];
}

export async function outcome(run: FaultRun): Promise<Expected[]> {
  const title = 'Storing bij de uitslag';
  await createRound(run, title, 2, []);
  for (const [, address] of BOARD.slice(0, 4)) await decide(run, address, title, 'approve');
  // Five minutes before the deadline: the outage's clock move passes it.
  await run.move({ advanceBy: 'P1DT23H55M' });
  await run.duringMove();
  return [
    ...toBoard(`Besluit: ${title} is aangenomen`, `Decision: ${title} was approved`),
    { to: 'programmabureau@example.org', subject: `Besluit: ${title} is aangenomen` },
  ];
}

/**
 * Moves the clock to five minutes before the first reminder any board member gets on this round. A
 * reminder 3 days before a deadline 10 days ahead goes out on day 7, in the quarter after the next
 * whole hour (each member at their own moment, engine/reminder-budget.ts): the outage's move spans it.
 */
const REMINDER_OUTAGE_MOVE = 'PT20M';
async function beforeReminders(run: FaultRun): Promise<void> {
  await run.move({ to: '2026-11-09T09:55:00Z' });
  const early = /^(Herinnering|Reminder)|wachten op u|waiting for you/;
  if ((await run.h.mail()).some((m) => early.test(m.subject) && BOARD.some(([, to]) => to === m.to)))
    run.problems.push('a reminder came before the outage: the scenario misses its moment');
}

export async function reminders(run: FaultRun): Promise<Expected[]> {
  const title = 'Storing bij de herinneringen';
  await createRound(run, title, 10, ['P3D']);
  await beforeReminders(run);
  await run.duringMove(REMINDER_OUTAGE_MOVE);
  return toBoard(`Herinnering: uw besluit over ${title}`, `Reminder: your decision on ${title}`);
}

export async function digest(run: FaultRun): Promise<Expected[]> {
  const title = 'Storing bij de bundel';
  await createRound(run, `${title} (1)`, 10, ['P3D']);
  await createRound(run, `${title} (2)`, 10, ['P3D']);
  await beforeReminders(run);
  await run.duringMove(REMINDER_OUTAGE_MOVE);
  return toBoard('2 dingen wachten op u', '2 things are waiting for you');
}
