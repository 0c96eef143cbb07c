/** Console pages for action items (by owner and lateness); input rounds are input-pages.tsx, re-exported here. */
import type { Organisation, Person } from '../../engine/directory';
import type { AuditEntry } from '../../engine/ports';
import { emailTagLabel, timelineLabel, FOLLOW_UP_LABELS } from '../../engine/timeline-labels';
import type { Markup } from '../../platform/jsx';
import { formatDateTime } from '../../platform/time';
import { type ActionItem, lateSince, stepName } from '../follow-up';
import { flowWords as words, requestWords } from './flow-words';
import { type ConsoleContext, consolePage, Fact, StatusNotice, Timeline, ListPage, type ListPageProps } from './ui';

export { inputPage, inputsPage, inputTimeline } from './input-pages';

export function ownerName(item: ActionItem, people: Person[], orgs: Organisation[]): string {
  return 'organisationId' in item.owner
    ? (orgs.find((o) => o.id === (item.owner as { organisationId: string }).organisationId)?.name ?? '')
    : (people.find((p) => p.id === (item.owner as { personId: string }).personId)?.name ?? '');
}

/** Late from the agreed date until it is done, also while a later date waits for approval. */
const isLate = (i: ActionItem, now: Date) => lateSince(i, now) !== null;

/** The item's date, marked when it has passed while the item is not done. */
function DueDate(p: { ctx: ConsoleContext; item: ActionItem; now: Date }) {
  return (
    <>
      {formatDateTime(p.item.due, p.ctx.lang)}
      {isLate(p.item, p.now) ? (
        <>
          {' '}
          <span class="badge rejected">{words[p.ctx.lang].late}</span>
        </>
      ) : null}
    </>
  );
}

/** Open items first, the latest-overdue on top; then the rest by due date. */
export function itemsPage(
  ctx: ConsoleContext,
  items: ActionItem[],
  people: Person[],
  orgs: Organisation[],
  now: Date,
  paging?: ListPageProps['paging'],
): string {
  const w = words[ctx.lang];
  const sorted = [...items].sort(
    (a, b) => Number(isLate(b, now)) - Number(isLate(a, now)) || a.due.localeCompare(b.due),
  );
  const rows = sorted.map((i) => [
    <a href={`/console/follow-ups/${i.id}`}>{i.what}</a>,
    ownerName(i, people, orgs),
    <DueDate ctx={ctx} item={i} now={now} />,
    w.statuses[i.status],
  ]);
  const body = (
    <ListPage
      title={w.items}
      add={{ href: '/console/follow-ups/new', label: w.newItem }}
      head={[w.what, w.owner, w.due, w.status]}
      rows={rows}
      empty={w.none}
      paging={paging}
    />
  );
  return consolePage(ctx, 'items', w.items, body);
}

/** A later date waiting for approval: what was asked and why. */
function RequestLine(p: { ctx: ConsoleContext; item: ActionItem }) {
  const r = p.item.status === 'awaiting-approval' ? p.item.requestedDue : undefined;
  if (!r) return null;
  // The late badge stands by the agreed date above it: late counts from there.
  const w = requestWords[p.ctx.lang];
  return (
    <Fact label={w.asked}>
      {formatDateTime(r.due, p.ctx.lang)} ({w.reason}: {r.reason})
    </Fact>
  );
}

/** One step of an action item's timeline in words: the label, and where it went or what it became. */
function describeItemEntry(ctx: ConsoleContext, e: AuditEntry): string {
  const w = words[ctx.lang];
  const label = timelineLabel(FOLLOW_UP_LABELS, e.kind, ctx.lang);
  const step = stepName[ctx.lang][e.details?.step as 'owner'];
  if (e.kind === 'escalated' && step) return `${label} ${ctx.lang === 'nl' ? 'naar' : 'to'} ${step}`;
  const status = w.statuses[String(e.details?.status)];
  if (e.kind === 'email') return `${label}: ${emailTagLabel(e.details?.tag, ctx.lang)}`;
  return status ? `${label}: ${status}` : label;
}

export function itemPage(
  ctx: ConsoleContext,
  item: ActionItem,
  people: Person[],
  orgs: Organisation[],
  timeline: AuditEntry[],
  now: Date,
  steer?: Markup,
  notice?: string,
): string {
  const w = words[ctx.lang];
  const { lang } = ctx;
  const body = (
    <>
      <h1>{item.what}</h1>
      <StatusNotice message={notice} />
      <p>
        <strong>{w.owner}:</strong> {ownerName(item, people, orgs)} · <strong>{w.due}:</strong>{' '}
        <DueDate ctx={ctx} item={item} now={now} /> · <strong>{w.status}:</strong> {w.statuses[item.status]}
      </p>
      <RequestLine ctx={ctx} item={item} />
      {item.result ? <Fact label={w.result}>{item.result}</Fact> : null}
      {item.blockedBy ? <Fact label={w.needs}>{item.blockedBy}</Fact> : null}
      {item.dueHistory.length ? (
        <>
          <h2>{w.history}</h2>
          <ul>
            {item.dueHistory.map((d) => (
              <li>
                {formatDateTime(d.from, lang)} → {formatDateTime(d.to, lang)}: {d.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {steer ?? null}
      <Timeline
        title={w.timeline}
        lang={lang}
        entries={timeline.filter((e) => e.kind !== 'email')}
        describe={(e) => describeItemEntry(ctx, e)}
      />
    </>
  );
  return consolePage(ctx, 'items', item.what, body);
}

/** For the overview: unfinished items past their due date (the overview lists those waiting for approval once). */
export function overdueItems(items: ActionItem[], now: Date): ActionItem[] {
  return items.filter((i) => isLate(i, now)).sort((a, b) => a.due.localeCompare(b.due));
}
