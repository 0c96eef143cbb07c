/** A whole approval round on the moved clock: 25 approvers, two reminders, the deadline. */
import { Harness } from '../test/support/local';
import { addPeople, ms, rows } from './common';

export async function wholeRound(h: Harness) {
  const people = await addPeople(25, 'bench-round');
  const t = performance.now();
  const created = await h.api('POST', '/api/rounds', {
    title: 'Hele ronde',
    summary: 'x',
    approverIds: people.map((p) => p.id),
    rule: { type: 'majority' },
    deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
    reminders: ['P3D', 'P1D'],
  });
  await h.rt.whenIdle();
  for (const p of people.slice(0, 5))
    await h.decide(Harness.link((await h.mailTo(p.email, 'Hele ronde'))[0]), 'approve');
  await h.advance('P8D');
  await h.advance('P3D');
  const wall = performance.now() - t;
  const round = await h.round(created.body.id);
  if (round.status !== 'closed') throw new Error('round did not close');
  const mails = (await h.mail()).filter((m) => m.subject.includes('Hele ronde')).length;
  // The row says what the round did: 25 invitations at least, reminders to the 20 silent, an outcome to all.
  if (mails < 25 + 20 + 25) throw new Error(`whole round: ${mails} emails, expected at least 70`);
  rows.push([
    'whole round: 25 approvers, 2 reminders, deadline',
    ms(wall),
    '',
    `≤ 1500 ms; ${mails} emails; outcome ${round.outcome}`,
    wall <= 1500 ? 'pass' : 'FAIL',
  ]);
}
