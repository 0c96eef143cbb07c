/** What the overview flags: rounds at risk or closed undecided, and what waits on someone beyond its date. */
import type { ActionItem } from '../follow-up';
import { asksPeople, pendingPartners, type InputRound } from '../input-round';
import type { Meeting } from '../meeting';
import { currentTally, stageDeadline, type Round } from '../approval-round';
import { DEFAULT_QUORUM, quorumMet } from '../approval-round';

const SOON_MS = 3 * 86400_000;

/**
 * Open rounds whose stage closes within three days while fewer have answered than the stage needs:
 * a majority vote, the consensus stage of consensus-then-majority, or consent with a quorum. (Plain
 * consent, unanimous and first-response rounds have no turnout to miss.)
 */
export function closingWithoutQuorum(rounds: Round[], now: Date): Round[] {
  return rounds.filter((r) => {
    if (r.status !== 'open') return false;
    const needsTurnout =
      r.stage === 'majority' ||
      r.rule.type === 'consensus-then-majority' ||
      (r.rule.type === 'consent' && r.rule.quorum !== undefined);
    if (!needsTurnout) return false;
    const left = Date.parse(stageDeadline(r)) - now.getTime();
    return left > 0 && left <= SOON_MS && !quorumMet(currentTally(r), r.rule.quorum ?? DEFAULT_QUORUM);
  });
}

/** How long a round closed without a decision stays on the overview: time to put it again. */
const UNDECIDED_MS = 14 * 86400_000;
/** How long an input round past its deadline stays on the overview while answers are missing. */
const INPUT_LATE_MS = 30 * 86400_000;
const DAY_MS = 86400_000;

/** Rounds that closed in the last two weeks without a decision (too few or no responses). */
export function closedWithoutDecision(rounds: Round[], now: Date): Round[] {
  return rounds.filter(
    (r) =>
      r.status === 'closed' &&
      (r.outcome === 'no-quorum' || r.outcome === 'no-response') &&
      now.getTime() - Date.parse(r.closedAt ?? r.deadline) < UNDECIDED_MS,
  );
}

/** Something that waits on a person beyond its date, in the words of the overview. */
export interface Waiting {
  id: string;
  href?: string;
  title: string;
  /** The date it was due: lateness counts from here. */
  due: string;
  what: 'approval' | 'input' | 'people' | 'promised' | 'minutes';
  count?: number;
  requested?: string;
}

/**
 * What waits on someone beyond its date: an action item whose owner asked for more time beyond
 * the limit while its date has passed (the project leader has not answered), input rounds past
 * their deadline with partners who did not answer (while the round still takes answers) or did not
 * deliver what they promised by their date, and minutes not written by the day they were due.
 */
export function waitingBeyondDate(
  flows: { items?: ActionItem[]; inputs?: InputRound[]; meetings?: Meeting[] },
  now: Date,
): Waiting[] {
  const t = now.getTime();
  const items: Waiting[] = (flows.items ?? [])
    .filter((i) => i.status === 'awaiting-approval' && Date.parse(i.due) < t)
    .map((i) => ({
      id: i.id,
      href: `/console/follow-ups/${i.id}`,
      title: i.what,
      due: i.due,
      what: 'approval',
      requested: i.requestedDue?.due,
    }));
  const inputs: Waiting[] = (flows.inputs ?? []).flatMap((r): Waiting[] => {
    const past = t - Date.parse(r.deadline);
    if (past <= 0 || past > INPUT_LATE_MS) return [];
    // A closed round takes no answers any more (the office has its summary; with `escalate` the
    // silent partners became action items): only a promise that was not kept still waits on someone.
    const silent = r.status === 'open' ? pendingPartners(r).length : 0;
    const promised = Object.values(r.answers).filter(
      (a) => a.kind === 'will-deliver' && a.date && Date.parse(a.date) < t,
    ).length;
    const base = { id: r.id, href: `/console/input-rounds/${r.id}`, title: r.title, due: r.deadline };
    // A round of people waits on people, not partners: the overview says so.
    if (silent) return [{ ...base, what: asksPeople(r) ? 'people' : 'input', count: silent }];
    return promised ? [{ ...base, what: 'promised', count: promised }] : [];
  });
  const meetings: Waiting[] = (flows.meetings ?? []).flatMap((m): Waiting[] => {
    const due = Date.parse(m.sentBackAt ?? m.end) + m.leadTimes.minutesDays * DAY_MS;
    const late = m.status === 'open' && m.phase === 'minutes' && due < t;
    const href = `/console/meetings/${m.id}`;
    return late ? [{ id: m.id, href, title: m.title, due: new Date(due).toISOString(), what: 'minutes' }] : [];
  });
  return [...items, ...inputs, ...meetings];
}
