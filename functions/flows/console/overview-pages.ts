/** The overview (what needs attention today), sign-in, and the console's error pages. */
import type { Notice } from '../../engine/notice-store';
import type { ActionItem } from '../follow-up';
import { html } from '../../platform/html';
import { pendingPartners, type InputRound } from '../input-round';
import type { Meeting } from '../meeting';
import { currentTally, stageDeadline, type Round } from '../approval-round';
import { outcomeLabel } from '../approval-round';
import { DEFAULT_QUORUM, quorumMet } from '../approval-round';
import { formatDateTime } from '../../platform/time';
import { csrfField, describedBy, errorSummary, fieldError, layout, type ConsoleContext } from './ui';

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

const RECENT_MS = 7 * 86400_000;
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
  what: 'approval' | 'input' | 'promised' | 'minutes';
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
    if (silent) return [{ ...base, what: 'input', count: silent }];
    return promised ? [{ ...base, what: 'promised', count: promised }] : [];
  });
  const meetings: Waiting[] = (flows.meetings ?? []).flatMap((m): Waiting[] => {
    const due = Date.parse(m.sentBackAt ?? m.end) + m.leadTimes.minutesDays * DAY_MS;
    const late = m.status === 'open' && m.phase === 'minutes' && due < t;
    return late ? [{ id: m.id, title: m.title, due: new Date(due).toISOString(), what: 'minutes' }] : [];
  });
  return [...items, ...inputs, ...meetings];
}

export interface OverviewMore {
  /** Every round, open and closed: for the rounds closed without a decision and the right words when none is open. */
  all?: Round[];
  waiting?: Waiting[];
}

export function overviewPage(
  ctx: ConsoleContext,
  open: Round[],
  allNotices: Notice[],
  now: Date,
  overdueAll: ActionItem[] = [],
  more: OverviewMore = {},
): string {
  const t = ctx.t;
  const waiting = more.waiting ?? [];
  const undecided = closedWithoutDecision(more.all ?? [], now);
  // An item waiting for the project leader is listed once, under what waits on someone.
  const overdue = overdueAll.filter((i) => !waiting.some((w) => w.id === i.id));
  // Delivery problems of the last week: older ones were dealt with, or are on the people page.
  const notices = allNotices.filter((n) => now.getTime() - Date.parse(n.at) < RECENT_MS);
  const soon = closingWithoutQuorum(open, now);
  const failed = open.filter((r) => r.workflowFailed);
  const item = (r: Round) =>
    html`<li><a href="/console/rounds/${r.id}">${r.title}</a> — ${t.closes} ${formatDateTime(stageDeadline(r), ctx.lang)}</li>`;
  const nothing = [soon, failed, notices, overdue, undecided, waiting].every((list) => list.length === 0);
  const waitLine = (w: Waiting) => {
    const what = t.waitingWhat(w.what, w.count ?? 0, w.requested ? formatDateTime(w.requested, ctx.lang) : '');
    const title = w.href ? html`<a href="${w.href}">${w.title}</a>` : w.title;
    return html`<li>${title} — ${what} (${t.wasDue} ${formatDateTime(w.due, ctx.lang)})</li>`;
  };
  const undecidedLine = (r: Round) => html`<li><a href="/console/rounds/${r.id}">${r.title}</a>
— ${outcomeLabel[ctx.lang][r.outcome!]} (${formatDateTime(r.closedAt ?? r.deadline, ctx.lang)})</li>`;
  const body = html`<h1>${t.attention}</h1>
${nothing ? html`<p class="notice">${t.nothingToday}</p>` : ''}
${soon.length ? html`<h2>${t.closingSoon}</h2><ul>${soon.map(item)}</ul>` : ''}
${failed.length ? html`<h2>${t.failed}</h2><ul>${failed.map(item)}</ul>` : ''}
${undecided.length ? html`<h2>${t.closedNoDecision}</h2><ul>${undecided.map(undecidedLine)}</ul>` : ''}
${waiting.length ? html`<h2>${t.waitingTitle}</h2><ul>${waiting.map(waitLine)}</ul>` : ''}
${overdue.length ? html`<h2>${t.overdue}</h2><ul>${overdue.map((i) => html`<li><a href="/console/follow-ups/${i.id}">${i.what}</a> — ${formatDateTime(i.due, ctx.lang)}</li>`)}</ul>` : ''}
${notices.length ? html`<h2>${t.deliveryProblems}</h2><ul>${notices.map((n) => html`<li>${formatDateTime(n.at, ctx.lang)}: ${n.text}</li>`)}</ul>` : ''}
<h2>${t.openRounds}</h2>${
    open.length
      ? html`<ul>${open.map((r) => {
          const tally = currentTally(r);
          return html`<li><a href="/console/rounds/${r.id}">${r.title}</a> — ${tally.eligible - tally.pending}/${tally.eligible} ${t.responses.toLowerCase()}, ${t.closes.toLowerCase()} ${formatDateTime(stageDeadline(r), ctx.lang)}</li>`;
        })}</ul>`
      : html`<p>${(more.all ?? []).length ? t.noOpenRounds : t.noRounds}</p>`
  }
<p><a class="button" href="/console/rounds/new">${t.newRound}</a></p>`;
  return layout(ctx, 'overview', t.overview, body);
}

export function signInPage(ctx: ConsoleContext, mode: 'local' | 'cognito', errors?: Record<string, string>): string {
  const t = ctx.t;
  const body =
    mode === 'cognito'
      ? html`<h1>${t.signInTitle}</h1><p><a class="button" href="/console/sign-in/start">${t.signInCognito}</a></p>`
      : html`<h1>${t.signInTitle}</h1>${errorSummary(ctx, errors)}<form method="post" action="/console/sign-in" novalidate>${csrfField(ctx)}
<label for="code">${t.accessCode}<span class="hint" id="code-hint">${t.accessCodeHint}</span></label>${fieldError(errors, 'code')}
<input type="password" id="code" name="code" required autocomplete="current-password"${describedBy(errors, 'code', true)}><button type="submit">${t.signIn}</button></form>`;
  return layout(ctx, 'none', t.signIn, body);
}

export function messagePage(ctx: ConsoleContext, title: string, text: string): string {
  return layout(
    ctx,
    'none',
    title,
    html`<h1>${title}</h1><p>${text}</p><p><a href="/console">${ctx.t.overview}</a></p>`,
  );
}
