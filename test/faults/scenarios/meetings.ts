/**
 * The meeting's sends under an outage: the calendar invitation (when the agenda closes, a week
 * before the meeting) and the publication of adopted minutes (when the review ends without
 * objection). Recipients are the demo kerngroep De Punt's, as measured without faults.
 */
import type { Expected, FaultRun } from '../fault-run';
import { kerngroepSeries } from '../../support/meetings';

const TITLE = 'Kerngroep Storing';
const WHEN_NL = 'dinsdag 8 december 2026 om 19:00 uur';
const WHEN_EN = 'Tuesday 8 December 2026 at 19:00';
const KERNGROEP = [
  'samira.amrani@example.org',
  'kees.brouwer@example.org',
  'aisha.toure@example.org',
  'wim.de.groot@example.org',
  'latifa.benali@example.org',
  'johan.peters@example.org',
];
const ENGLISH = 'dewi.santoso@example.org';
const SECRETARY = 'pieter.van.leeuwen@example.org';
/** The theme groups' members who are not in the kerngroep: the public minutes reach them too. */
const THEME_GROUPS = ['jeroen.bakker@example.org', 'fatima.el.idrissi@example.org', 'kevin.mensah@example.org'];

async function series(run: FaultRun): Promise<string> {
  const res = await run.h.api('POST', '/api/meeting-series', kerngroepSeries(TITLE));
  run.seen(res.status, 'POST /api/meeting-series');
  if (res.status !== 201) run.problems.push(`series not created: ${res.status}`);
  return res.body?.id;
}

export async function meetingInvitation(run: FaultRun): Promise<Expected[]> {
  await series(run);
  // The agenda of 8 December closes on 1 December at 19:00 UTC (measured): the invitations go then.
  await run.move({ to: '2026-12-01T18:55:00Z' });
  await run.duringMove();
  return [
    ...[...KERNGROEP, SECRETARY].map((to) => ({ to, subject: `Uitnodiging: ${TITLE}, ${WHEN_NL}` })),
    { to: ENGLISH, subject: `Invitation: ${TITLE}, ${WHEN_EN}` },
  ];
}

export async function publication(run: FaultRun): Promise<Expected[]> {
  const id = await series(run);
  await run.move({ to: '2026-12-08T21:30:00+01:00' });
  const ask = (await run.h.mail()).find((m) => m.subject === `Verslag van ${TITLE}`);
  if (!ask) return (run.problems.push('no request for minutes'), []);
  const link = /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(ask.text)?.[0] ?? '';
  const form = (await run.h.open(link)).html;
  const lines = [...form.matchAll(/name="(summary\.[^"]+)"/g)].map((x) => [x[1], 'Besproken.']);
  const proof = /name="proof" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const sent = await run.h.post(link, { proof, action: 'minutes', ...Object.fromEntries(lines), decisions: 'Geen.' });
  run.seen(sent.status, 'minutes POST');
  const { reviewEndsAt } = (await run.h.api('GET', `/api/meetings/${id}--2026-12-08`)).body ?? {};
  if (!reviewEndsAt) return (run.problems.push('the minutes went to no review'), []);
  // Without objection the minutes are adopted and published when the review ends.
  await run.move({ to: new Date(new Date(reviewEndsAt).getTime() - 5 * 60_000).toISOString() });
  await run.duringMove();
  const nl = `Wat er besproken is: ${TITLE} van ${WHEN_NL}`;
  return [
    ...[...KERNGROEP, ...THEME_GROUPS].map((to) => ({ to, subject: nl })),
    { to: ENGLISH, subject: `What was discussed: ${TITLE} on ${WHEN_EN}` },
  ];
}
