/**
 * DynamoDB unreachable during a member's decision and during a clock move: the person gets a 503
 * with the Dutch retry page (never a 500), nothing is half stored, and after recovery the retried
 * decision counts and the round closes with its outcome to everyone.
 */
import { BOARD, Harness } from '../../support/local';
import type { Expected, FaultRun } from '../fault-run';

const ENGLISH = new Set(['esther.boateng@example.org']);

/** A round of the board closing in `days`, with `voters` of its members having approved already. */
async function roundWithVotes(run: FaultRun, title: string, days: number, voters: number) {
  const created = await run.h.api('POST', '/api/rounds', {
    title,
    summary: 'Gaat u akkoord?',
    bodyId: 'alliantiebestuur',
    rule: { type: 'majority' },
    deadline: new Date(run.h.rt.clock.now().getTime() + days * 86400_000).toISOString(),
    reminders: [],
  });
  run.seen(created.status, 'POST /api/rounds');
  await run.h.rt.whenIdle();
  const links: string[] = [];
  for (const [, to] of BOARD) {
    const invitation = (await run.h.mailTo(to, title))[0];
    if (!invitation) run.problems.push(`no invitation for ${to}`);
    else links.push(Harness.link(invitation));
  }
  for (const link of links.slice(0, voters)) run.seen((await run.h.decide(link, 'approve')).status, 'decision');
  return { id: created.body?.id as string, links };
}

const outcomeMails = (title: string): Expected[] => [
  ...BOARD.map(([, to]) => ({
    to,
    subject: ENGLISH.has(to) ? `Decision: ${title} was approved` : `Besluit: ${title} is aangenomen`,
  })),
  { to: 'programmabureau@example.org', subject: `Besluit: ${title} is aangenomen` },
];

const proofOf = (html: string) => /name="proof" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function decisionDuringDbOutage(run: FaultRun): Promise<Expected[]> {
  const title = 'Databasestoring bij een besluit';
  const { id, links } = await roundWithVotes(run, title, 3, 3);
  const [personId, address] = BOARD[3];
  // The page was opened before the outage; the button is pressed during it.
  const proof = proofOf((await run.h.open(links[3])).html);
  let status = 0;
  await run.during(async () => {
    const res = await run.h.post(links[3], { proof, choice: 'approve' });
    const retryPage = res.status === 503 && res.html.includes('Even niet bereikbaar');
    status = run.seen(res.status, 'decision POST', retryPage);
    if (res.status === 503 && !retryPage) run.problems.push('the 503 page does not say to try again');
  });
  const state = (await run.h.round(id)).approvers.find((a: any) => a.personId === personId)?.state;
  // Either the decision was stored and confirmed, or neither: never half.
  if ((status === 200) !== (state === 'responded'))
    run.problems.push(`decision answered ${status} but the approver is ${state}`);
  // Refused: the person tries again, as the page asks (a stored decision needs no second try).
  if (status !== 200) {
    const again = await run.h.decide(links[3], 'approve');
    if (run.seen(again.status, 'decision again') !== 200) run.problems.push(`decision again: ${again.status}`);
  }
  return [{ to: address, subject: `Ontvangen: uw besluit over ${title}` }, ...outcomeMails(title)];
}

export async function clockMoveDuringDbOutage(run: FaultRun): Promise<Expected[]> {
  const title = 'Databasestoring bij het verzetten van de klok';
  const { id } = await roundWithVotes(run, title, 1, 4);
  await run.during(async () => {
    const started = Date.now();
    const res = await fetch(`${run.h.rt.urls.app}/local/clock`, { method: 'POST', body: '{"advanceBy":"P1D"}' });
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    const took = (Date.now() - started) / 1000;
    // A move whose steps outlast the outage (the SDK's retries) finishes: 200; else 503 says so.
    if (res.status === 503) run.clock503++;
    else if (res.status !== 200) run.problems.push(`the clock move during the outage answered ${res.status}`);
    run.seen(res.status === 503 ? 200 : res.status, 'clock move');
    if (res.status === 503 && !body.message?.includes('Move it again'))
      run.problems.push('the 503 gives no clear message');
    if (took > 30) run.problems.push(`the clock move took ${Math.round(took)} s`);
  });
  // Nothing half stored: the round is still open with its four votes, or closed with its outcome.
  const round = await run.h.round(id);
  const responded = round.approvers.filter((a: any) => a.state === 'responded').length;
  if (responded !== 4 || !(round.status === 'open' || round.outcome === 'approved'))
    run.problems.push(`after the outage the round is ${round.status}/${round.outcome} with ${responded} votes`);
  return outcomeMails(title);
}
