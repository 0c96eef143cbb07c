/**
 * Console pages for public events: the list (places taken, waiting list, needs to arrange) and an
 * event's page with its registrations (names and addresses: the office only) and the forms for
 * "what we heard" and "what we did with it".
 */
import type { FieldErrors } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import { formatDateTime } from '../../platform/time';
import { type PublicEvent, waitingList } from '../event';
import { eventWords } from './event-words';
import { TextAreaField } from './fields';
import { type ConsoleContext, consolePage, PostForm, StatusNotice } from './ui';

const confirmed = (e: PublicEvent) => e.registrations.filter((r) => r.status === 'confirmed');

/** "tolk 2, rolstoel 1": what the office must arrange for those with a place. */
function needsLine(e: PublicEvent): string {
  const counts = new Map<string, number>();
  for (const r of confirmed(e)) for (const n of r.needs) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => `${n} ${c}`).join(', ') || '–';
}

export function eventsListPage(ctx: ConsoleContext, events: PublicEvent[]): string {
  const w = eventWords[ctx.lang];
  const rows = events.map((e) => [
    <a href={`/console/events/${e.id}`}>{e.title}</a>,
    `${formatDateTime(e.start, ctx.lang)}${e.status === 'cancelled' ? ` (${w.cancelled})` : ''}`,
    w.places(
      confirmed(e).reduce((n, r) => n + r.people, 0),
      e.capacity,
    ),
    String(waitingList(e).length),
    needsLine(e),
  ]);
  return consolePage(
    ctx,
    'events',
    w.events,
    <>
      <h1>{w.events}</h1>
      <p>{w.intro}</p>
      {rows.length ? <Table caption={w.events} head={[...w.head]} rows={rows} /> : <p>{w.none}</p>}
    </>,
  );
}

export function eventConsolePage(
  ctx: ConsoleContext,
  e: PublicEvent,
  now: Date,
  p: { notice?: string; errors?: FieldErrors; values?: Record<string, string> } = {},
): string {
  const w = eventWords[ctx.lang];
  const rows = e.registrations.map((r) => [
    r.erasedAt ? w.removed : r.name,
    r.email,
    String(r.people),
    [...r.needs, ...(r.language ? [r.language] : [])].join(', '),
    w.statuses[r.status],
    formatDateTime(r.registeredAt, ctx.lang),
  ]);
  const over = Date.parse(e.end) <= now.getTime() && e.status === 'published';
  const form = (kind: 'heard' | 'did') => {
    const done = e[kind];
    if (done) return <p>{done.text}</p>;
    if (!over) return <p>{w.notYet}</p>;
    if (kind === 'did' && !e.heard) return <p>{w.heardFirst}</p>;
    return (
      <PostForm ctx={ctx} action={`/console/events/${e.id}/${kind}`} novalidate>
        <TextAreaField
          id={`${kind}-text`}
          label={kind === 'heard' ? w.heard : w.did}
          hint={kind === 'heard' ? w.heardHint : w.didHint}
          errors={p.errors}
          value={p.values?.[`${kind}-text`]}
          maxlength={4000}
        />
        <button type="submit">{w.save}</button>
      </PostForm>
    );
  };
  return consolePage(
    ctx,
    'events',
    e.title,
    <>
      <h1>{e.title}</h1>
      <StatusNotice message={p.notice} />
      <p>
        {formatDateTime(e.start, ctx.lang)}, {e.place}. <a href={`/bijeenkomsten/${e.id}`}>{w.publicPage}</a>
      </p>
      <h2>{w.registrations}</h2>
      {rows.length ? <Table caption={w.registrations} head={[...w.regHead]} rows={rows} /> : <p>{w.noRegistrations}</p>}
      <h2>{w.heard}</h2>
      {form('heard')}
      <h2>{w.did}</h2>
      {form('did')}
    </>,
  );
}
