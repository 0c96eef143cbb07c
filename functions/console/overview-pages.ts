/** The overview (what needs attention today), sign-in, and the console's error pages. */
import type { Notice } from '../adapters/notice-store';
import type { ActionItem } from '../domain/follow-up';
import { html } from '../domain/html';
import { currentTally, stageDeadline, type Round } from '../domain/round';
import { DEFAULT_QUORUM } from '../domain/rules';
import { formatDateTime } from '../domain/time';
import { csrfField, describedBy, errorSummary, fieldError, layout, type ConsoleContext } from './ui';

const SOON_MS = 3 * 86400_000;

/**
 * Open rounds in a majority count whose stage closes within three days while the responses are
 * still below quorum. (Consent, unanimous and first-response rounds have no quorum to miss.)
 */
export function closingWithoutQuorum(rounds: Round[], now: Date): Round[] {
  return rounds.filter((r) => {
    const counted = r.stage === 'majority' && (r.rule.type === 'majority' || r.rule.type === 'consensus-then-majority');
    if (r.status !== 'open' || !counted) return false;
    const left = Date.parse(stageDeadline(r)) - now.getTime();
    const t = currentTally(r);
    const responses = t.eligible - t.pending;
    return left > 0 && left <= SOON_MS && !(responses > Math.floor((r.rule.quorum ?? DEFAULT_QUORUM) * t.eligible + 1e-9));
  });
}

const RECENT_MS = 7 * 86400_000;

export function overviewPage(ctx: ConsoleContext, open: Round[], allNotices: Notice[], now: Date, overdue: ActionItem[] = []): string {
  const t = ctx.t;
  // Delivery problems of the last week: older ones were dealt with, or are on the people page.
  const notices = allNotices.filter((n) => now.getTime() - Date.parse(n.at) < RECENT_MS);
  const soon = closingWithoutQuorum(open, now);
  const failed = open.filter((r) => r.workflowFailed);
  const item = (r: Round) => html`<li><a href="/console/rounds/${r.id}">${r.title}</a> — ${t.closes} ${formatDateTime(stageDeadline(r), ctx.lang)}</li>`;
  const nothing = soon.length === 0 && failed.length === 0 && notices.length === 0 && overdue.length === 0;
  const body = html`<h1>${t.attention}</h1>
${nothing ? html`<p class="notice">${t.nothingToday}</p>` : ''}
${soon.length ? html`<h2>${t.closingSoon}</h2><ul>${soon.map(item)}</ul>` : ''}
${failed.length ? html`<h2>${t.failed}</h2><ul>${failed.map(item)}</ul>` : ''}
${overdue.length ? html`<h2>${t.overdue}</h2><ul>${overdue.map((i) => html`<li><a href="/console/follow-ups/${i.id}">${i.what}</a> — ${formatDateTime(i.due, ctx.lang)}</li>`)}</ul>` : ''}
${notices.length ? html`<h2>${t.deliveryProblems}</h2><ul>${notices.map((n) => html`<li>${formatDateTime(n.at, ctx.lang)}: ${n.text}</li>`)}</ul>` : ''}
<h2>${t.openRounds}</h2>${open.length ? html`<ul>${open.map((r) => {
    const tally = currentTally(r);
    return html`<li><a href="/console/rounds/${r.id}">${r.title}</a> — ${tally.eligible - tally.pending}/${tally.eligible} ${t.responses.toLowerCase()}, ${t.closes.toLowerCase()} ${formatDateTime(stageDeadline(r), ctx.lang)}</li>`;
  })}</ul>` : html`<p>${t.noRounds}</p>`}
<p><a class="button" href="/console/rounds/new">${t.newRound}</a></p>`;
  return layout(ctx, 'overview', t.overview, body);
}

export function signInPage(ctx: ConsoleContext, mode: 'local' | 'cognito', errors?: Record<string, string>): string {
  const t = ctx.t;
  const body = mode === 'cognito'
    ? html`<h1>${t.signInTitle}</h1><p><a class="button" href="/console/sign-in/start">${t.signInCognito}</a></p>`
    : html`<h1>${t.signInTitle}</h1>${errorSummary(ctx, errors)}<form method="post" action="/console/sign-in" novalidate>${csrfField(ctx)}
<label for="code">${t.accessCode}<span class="hint" id="code-hint">${t.accessCodeHint}</span></label>${fieldError(errors, 'code')}
<input type="password" id="code" name="code" required autocomplete="current-password"${describedBy(errors, 'code', true)}><button type="submit">${t.signIn}</button></form>`;
  return layout(ctx, 'none', t.signIn, body);
}

export function messagePage(ctx: ConsoleContext, title: string, text: string): string {
  return layout(ctx, 'none', title, html`<h1>${title}</h1><p>${text}</p><p><a href="/console">${ctx.t.overview}</a></p>`);
}
