/** The overview (what needs attention today), sign-in, and the console's error pages. */
import type { Notice } from '../../engine/notice-store';
import { type FieldErrors } from '../../engine/ui/form';
import type { Markup } from '../../platform/jsx';
import { formatDateTime } from '../../platform/time';
import { currentTally, outcomeLabel, type Round, stageDeadline } from '../approval-round';
import type { ActionItem } from '../follow-up';
import { InputField } from './fields';
import { closedWithoutDecision, closingWithoutQuorum, type Waiting } from './overview-rules';
import { type OfficeLists, OfficeSections, officeListsEmpty } from './overview-sections';
import { ButtonLink, type ConsoleContext, consolePage, FormPage } from './ui';

export { messagePage } from './message-page';

export { closedWithoutDecision, closingWithoutQuorum, type Waiting, waitingBeyondDate } from './overview-rules';

const RECENT_MS = 7 * 86400_000;

export interface OverviewMore extends OfficeLists {
  /** Every round, open and closed: for the rounds closed without a decision and the right words when none is open. */
  all?: Round[];
  waiting?: Waiting[];
}

const RoundLink = (p: { round: Round }) => <a href={`/console/rounds/${p.round.id}`}>{p.round.title}</a>;

/** A heading with its list, or nothing at all when the list is empty. */
function ListSection<T>(p: { title: string; items: T[]; line: (item: T) => Markup }) {
  if (!p.items.length) return null;
  return (
    <>
      <h2>{p.title}</h2>
      <ul>{p.items.map(p.line)}</ul>
    </>
  );
}

function OpenRounds(p: { ctx: ConsoleContext; open: Round[]; any: boolean }) {
  const { t, lang } = p.ctx;
  if (!p.open.length) return <p>{p.any ? t.noOpenRounds : t.noRounds}</p>;
  return (
    <ul>
      {p.open.map((r) => {
        const tally = currentTally(r);
        const answered = `${tally.eligible - tally.pending}/${tally.eligible} ${t.responses.toLowerCase()}`;
        return (
          <li>
            <RoundLink round={r} /> — {answered}, {t.closes.toLowerCase()} {formatDateTime(stageDeadline(r), lang)}
          </li>
        );
      })}
    </ul>
  );
}

export function overviewPage(
  ctx: ConsoleContext,
  open: Round[],
  allNotices: Notice[],
  now: Date,
  overdueAll: ActionItem[] = [],
  more: OverviewMore = {},
): string {
  const { t, lang } = ctx;
  const waiting = more.waiting ?? [];
  const undecided = closedWithoutDecision(more.all ?? [], now);
  // An item waiting for the project leader is listed once, under what waits on someone.
  const overdue = overdueAll.filter((i) => !waiting.some((w) => w.id === i.id));
  // Delivery problems of the last week (older ones were dealt with) that name nobody listed with
  // their address to fix: an address no person has, say, or a notice from before people were named.
  const listed = new Set((more.bounced ?? []).map((b) => b.email.toLowerCase()));
  const notices = allNotices.filter(
    (n) =>
      n.kind !== 'stopped' &&
      now.getTime() - Date.parse(n.at) < RECENT_MS &&
      !(n.people ?? []).some((p) => listed.has(p.email.toLowerCase())),
  );
  const soon = closingWithoutQuorum(open, now);
  const failed = open.filter((r) => r.workflowFailed);
  const nothing =
    [soon, failed, notices, overdue, undecided, waiting].every((list) => list.length === 0) && officeListsEmpty(more);
  const closing = (r: Round) => (
    <li>
      <RoundLink round={r} /> — {t.closes} {formatDateTime(stageDeadline(r), lang)}
    </li>
  );
  const undecidedLine = (r: Round) => (
    <li>
      <RoundLink round={r} /> — {outcomeLabel[lang][r.outcome!]} ({formatDateTime(r.closedAt ?? r.deadline, lang)})
    </li>
  );
  const waitLine = (w: Waiting) => {
    const what = t.waitingWhat(w.what, w.count ?? 0, w.requested ? formatDateTime(w.requested, lang) : '');
    return (
      <li>
        {w.href ? <a href={w.href}>{w.title}</a> : w.title} — {what} ({t.wasDue} {formatDateTime(w.due, lang)})
      </li>
    );
  };
  const overdueLine = (i: ActionItem) => (
    <li>
      <a href={`/console/follow-ups/${i.id}`}>{i.what}</a> — {formatDateTime(i.due, lang)}
    </li>
  );
  const noticeLine = (n: Notice) => (
    <li>
      {formatDateTime(n.at, lang)}: {n.text}
    </li>
  );
  const body = (
    <>
      <h1>{t.attention}</h1>
      {nothing ? <p class="notice">{t.nothingToday}</p> : null}
      <ListSection title={t.closingSoon} items={soon} line={closing} />
      <ListSection title={t.failed} items={failed} line={closing} />
      <OfficeSections ctx={ctx} lists={more} />
      <ListSection title={t.closedNoDecision} items={undecided} line={undecidedLine} />
      <ListSection title={t.waitingTitle} items={waiting} line={waitLine} />
      <ListSection title={t.overdue} items={overdue} line={overdueLine} />
      <ListSection title={t.deliveryProblems} items={notices} line={noticeLine} />
      <h2>{t.openRounds}</h2>
      <OpenRounds ctx={ctx} open={open} any={(more.all ?? []).length > 0} />
      <ButtonLink href="/console/rounds/new" label={t.newRound} />
    </>
  );
  return consolePage(ctx, 'overview', t.overview, body);
}

export function signInPage(ctx: ConsoleContext, mode: 'local' | 'cognito', errors?: FieldErrors): string {
  const t = ctx.t;
  const body =
    mode === 'cognito' ? (
      <>
        <h1>{t.signInTitle}</h1>
        <ButtonLink href="/console/sign-in/start" label={t.signInCognito} />
      </>
    ) : (
      <FormPage ctx={ctx} title={t.signInTitle} errors={errors} action="/console/sign-in">
        <InputField
          type="password"
          id="code"
          label={t.accessCode}
          hint={t.accessCodeHint}
          errors={errors}
          required
          autocomplete="current-password"
        />
        <button type="submit">{t.signIn}</button>
      </FormPage>
    );
  return consolePage(ctx, 'none', t.signIn, body);
}
