/**
 * The console's consultation pages: the list, and one consultation with every answer (the office's
 * own view: contact details included until the retention period removes them), the form for the
 * summary once the deadline has passed, then the one for what was done with it. Creating one is the
 * API's (POST /api/consultations) for now.
 */
import type { Answer, Consultation } from '../consultation';
import { consultationWords } from './consultation-words';
import { ErrorSummary, type FieldErrors, FieldLabel, describedBy } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import { formatDateTime } from '../../platform/time';
import { ButtonLink, type ConsoleContext, consolePage, Fact, PostForm, StatusNotice } from './ui';

type Stage = keyof (typeof consultationWords)['nl']['state'];
const stage = (c: Consultation, now: Date): Stage =>
  c.summary ? 'published' : Date.parse(c.deadline) > now.getTime() ? 'open' : 'closed';

export function consultationsPage(ctx: ConsoleContext, all: (Consultation & { count: number })[], now: Date) {
  const w = consultationWords[ctx.lang];
  const rows = all.map((c) => [
    <a href={`/console/consultations/${c.id}`}>{c.title}</a>,
    formatDateTime(c.deadline, ctx.lang),
    String(c.count),
    w.state[stage(c, now)],
  ]);
  return consolePage(
    ctx,
    'consultations',
    w.title,
    <>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <ButtonLink href="/console/consultations/new" label={w.add} />
      {rows.length ? <Table caption={w.title} head={w.head} rows={rows} /> : <p>{w.none}</p>}
    </>,
  );
}

function AnswerRows(p: { ctx: ConsoleContext; answers: Answer[] }) {
  const w = consultationWords[p.ctx.lang];
  const gone = (a: Answer, v?: string) => v ?? (a.contactRemovedAt ? w.removed : '');
  const rows = p.answers.map((a) => [
    formatDateTime(a.at, p.ctx.lang),
    <span class="pre">{a.text || w.removed}</span>,
    gone(a, a.name),
    gone(a, a.email),
    gone(a, a.postcode),
    a.consent ? w.yes : w.no,
  ]);
  return rows.length ? <Table caption={w.answers} head={w.answersHead} rows={rows} /> : <p>{w.noAnswers}</p>;
}

export interface PublishFormState {
  kind: 'summary' | 'outcome';
  text: string;
  links?: string;
  errors: FieldErrors;
}

function PublishForm(p: {
  ctx: ConsoleContext;
  c: Consultation;
  kind: 'summary' | 'outcome';
  state?: PublishFormState;
}) {
  const w = consultationWords[p.ctx.lang];
  const mine = p.state?.kind === p.kind ? p.state : undefined;
  const id = `${p.kind}-text`;
  return (
    <PostForm ctx={p.ctx} action={`/console/consultations/${p.c.id}/${p.kind}`} novalidate>
      <>
        <input type="hidden" name="version" value={String(p.c.version)} />
        <FieldLabel
          id={id}
          label={w[p.kind]}
          hint={p.kind === 'summary' ? w.summaryHint : w.outcomeHint}
          errors={mine?.errors}
        />
        <textarea id={id} name="text" rows={8} aria-describedby={describedBy(mine?.errors, id, true)}>
          {mine?.text ?? ''}
        </textarea>
        {p.kind === 'outcome' ? (
          <>
            <FieldLabel id="outcome-links" label={w.links} errors={mine?.errors} />
            <textarea
              id="outcome-links"
              name="links"
              rows={3}
              aria-describedby={describedBy(mine?.errors, 'outcome-links')}
            >
              {mine?.links ?? ''}
            </textarea>
          </>
        ) : null}
        <p>
          <button type="submit">{w.publish}</button>
        </p>
      </>
    </PostForm>
  );
}

export function consultationConsolePage(
  ctx: ConsoleContext,
  c: Consultation & { answers: Answer[] },
  now: Date,
  opts: { message?: string; state?: PublishFormState; status?: number } = {},
) {
  const w = consultationWords[ctx.lang];
  const s = stage(c, now);
  return consolePage(
    ctx,
    'consultations',
    c.title,
    <>
      <h1>{c.title}</h1>
      <StatusNotice message={opts.message} />
      <ErrorSummary title={ctx.t.errorsTitle} errors={opts.state?.errors} />
      <Fact label={w.question}>{c.question}</Fact>
      <Fact label={w.deadline}>{formatDateTime(c.deadline, ctx.lang)}</Fact>
      <Fact label={w.areas}>{c.areas?.length ? c.areas.join(', ') : w.everyone}</Fact>
      <p>
        <strong>{w.state[s]}</strong> · <a href={`/inspraak/${c.id}`}>{w.publicPage}</a>
      </p>
      <h2>
        {w.answers} ({c.answers.length})
      </h2>
      <AnswerRows ctx={ctx} answers={c.answers} />
      <h2>{w.summary}</h2>
      {c.summary ? (
        <p class="pre">{c.summary.text}</p>
      ) : s === 'open' ? (
        <p>{w.summaryWait}</p>
      ) : (
        <PublishForm ctx={ctx} c={c} kind="summary" state={opts.state} />
      )}
      {c.summary ? (
        <>
          <h2>{w.outcome}</h2>
          {c.outcome ? (
            <p class="pre">{c.outcome.text}</p>
          ) : (
            <PublishForm ctx={ctx} c={c} kind="outcome" state={opts.state} />
          )}
        </>
      ) : null}
    </>,
  );
}
