/**
 * Console pages for programme cycles: the list by status, and a cycle's page with its timeline as a
 * picture, its phases as a table (status, dates in Amsterdam time, a link to each phase's own round,
 * action item or input round), its record, and the forms to add a phase and cancel the cycle.
 */
import type { Organisation, Person } from '../../engine/directory';
import type { AuditEntry } from '../../engine/ports';
import { timelineLabel } from '../../engine/timeline-labels';
import { ErrorSummary, type FieldErrors } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import type { Markup } from '../../platform/jsx';
import { formatDateTime, type Lang } from '../../platform/time';
import { CYCLE_LABELS, type CycleView, isOpen, type PhaseView, type Template } from '../cycle';
import { type CycleWords, cycleWords } from './cycle-words';
import { CycleTimeline } from './cycle-timeline-svg';
import { type ConsoleContext, consolePage, Fact, StatusNotice } from './ui';

/** Where a phase's own flow lives in the console. */
const FLOW_PATHS = {
  followUp: 'follow-ups',
  inputRound: 'input-rounds',
  approvalRound: 'rounds',
  consultation: 'consultations',
} as const;

export const StatusBadge = (p: { lang: Lang; status: PhaseView['status'] }) => (
  <span class={`badge phase-${p.status}`}>{cycleWords[p.lang].phaseStatuses[p.status]}</span>
);

/** The anchors with their names from the template, "Vergadering alliantiebestuur: 24 september 2027 16:00". */
export function anchorLines(lang: Lang, cycle: CycleView, template?: Template): string[] {
  return Object.entries(cycle.plan.anchors).map(([key, at]) => {
    const name = template?.anchors.find((a) => a.key === key)?.name[lang] ?? key;
    return `${name}: ${formatDateTime(at, lang)}`;
  });
}

const nextPhase = (c: CycleView) => c.phases.find((p) => p.status !== 'done' && p.status !== 'skipped');

export function cyclesPage(
  ctx: ConsoleContext,
  groups: [status: string, cycles: CycleView[]][],
  templates: Map<string, Template>,
  notice?: string,
): string {
  const w = cycleWords[ctx.lang];
  const { lang } = ctx;
  const shown = groups.filter(([, list]) => list.length > 0);
  const body = (
    <>
      <h1>{w.cycles}</h1>
      <StatusNotice message={notice} />
      <p>
        <a class="button" href="/console/cycles/new">
          {w.newCycle}
        </a>
      </p>
      {shown.length === 0 ? <p>{w.none}</p> : null}
      {shown.map(([status, list]) => (
        <>
          <h2>{w.statusGroup[status]}</h2>
          <Table
            caption={`${w.cycles}: ${w.statusGroup[status]}`}
            head={[w.name, w.anchors, w.next, w.started]}
            rows={list.map((c) => {
              const next = nextPhase(c);
              return [
                <a href={`/console/cycles/${c.id}`}>{c.name[lang]}</a>,
                anchorLines(lang, c, templates.get(c.templateId)).join('; '),
                next ? (
                  <>
                    {next.title[lang]} (<StatusBadge lang={lang} status={next.status} />)
                  </>
                ) : (
                  '—'
                ),
                formatDateTime(c.createdAt, lang),
              ];
            })}
          />
        </>
      ))}
    </>
  );
  return consolePage(ctx, 'cycles', w.cycles, body);
}

/** What the directory knows of the people and partners of a cycle, by id. */
export interface Names {
  people: Person[];
  orgs: Organisation[];
}

function whoFills(lang: Lang, cycle: CycleView, phase: PhaseView, names: Names): string {
  const a = cycle.assignments[phase.role];
  const ids = [
    ...(a?.personIds ?? []).map((id) => names.people.find((x) => x.id === id)?.name ?? id),
    ...(a?.organisationIds ?? []).map((id) => names.orgs.find((x) => x.id === id)?.name ?? id),
  ];
  return `${cycleWords[lang].roles[phase.role]}${ids.length ? `: ${ids.join(', ')}` : ''}`;
}

/** A gated start says what it waits for, with its earliest date. */
function startText(w: CycleWords, lang: Lang, cycle: CycleView, p: PhaseView): string {
  const at = formatDateTime(p.facts.startedAt ?? p.start.at, lang);
  if (p.facts.startedAt || p.start.rule === 'date' || !p.start.after.length) return at;
  const titles = p.start.after.map((k) => cycle.phases.find((q) => q.key === k)?.title[lang] ?? k).join(', ');
  return `${w.afterPhases(titles)} (${at})`;
}

function FlowCell(p: { w: CycleWords; phase: PhaseView }) {
  const flow = p.phase.facts.flow;
  // Meetings have no console page yet (issue #15): the agenda item is named, not linked.
  if (flow?.kind === 'agendaItem') return <>{p.w.flowLinks.agendaItem}</>;
  if (flow) return <a href={`/console/${FLOW_PATHS[flow.kind]}/${flow.id}`}>{p.w.flowLinks[flow.kind]}</a>;
  return p.phase.facts.office ? <>{p.w.byOffice}</> : <>—</>;
}

/** The phases as a table: the same as the picture, in words, with links. */
function PhaseTable(p: { ctx: ConsoleContext; cycle: CycleView; names: Names }) {
  const { lang } = p.ctx;
  const w = cycleWords[lang];
  const open = isOpen(p.cycle);
  const rows = p.cycle.phases.map((ph) => [
    <>
      {ph.title[lang]}
      <span class="hint">{w.kinds[ph.kind]}</span>
    </>,
    whoFills(lang, p.cycle, ph, p.names),
    startText(w, lang, p.cycle, ph),
    formatDateTime(ph.facts.doneAt ?? ph.due, lang),
    <StatusBadge lang={lang} status={ph.status} />,
    <FlowCell w={w} phase={ph} />,
    open && ph.status !== 'done' && ph.status !== 'skipped' ? (
      <a href={`/console/cycles/${p.cycle.id}/phases/${ph.key}`}>
        {w.change}
        <span class="skip">: {ph.title[lang]}</span>
      </a>
    ) : (
      ''
    ),
  ]);
  return (
    <Table
      caption={w.phases}
      class="stack"
      head={[w.phase, w.role, w.from, w.due, w.status, w.flow, w.change]}
      rows={rows}
    />
  );
}

/** One entry of the cycle's record in words: what, which phase, why, and the dates moved. */
export function describeCycleEntry(lang: Lang, cycle: CycleView, e: AuditEntry): string {
  const w = cycleWords[lang];
  const d = (e.details ?? {}) as {
    phase?: string;
    reason?: string;
    what?: Record<string, { from: string; to: string }>;
  };
  const title = d.phase ? (cycle.phases.find((p) => p.key === d.phase)?.title[lang] ?? d.phase) : undefined;
  const moved = ['start', 'due'].flatMap((k) => {
    const m = d.what?.[k];
    return m?.from && m.to ? [`${formatDateTime(m.from, lang)} → ${formatDateTime(m.to, lang)}`] : [];
  });
  const who = e.actor === 'system' ? w.system : `${w.by} ${w.office}`;
  return [
    timelineLabel(CYCLE_LABELS, e.kind, lang),
    title ? `: ${title}` : '',
    moved.length ? ` (${moved.join('; ')})` : '',
    ` — ${who}`,
    d.reason ? `. ${w.reason.replace('?', '')}: ${d.reason}` : '',
  ].join('');
}

export function cyclePage(
  ctx: ConsoleContext,
  cycle: CycleView & { timeline: AuditEntry[] },
  template: Template | undefined,
  names: Names,
  now: Date,
  p: { notice?: string; problem?: string; errors?: FieldErrors; forms?: Markup },
): string {
  const { lang } = ctx;
  const w = cycleWords[lang];
  const name = cycle.name[lang];
  const rows = cycle.phases.map((ph) => ({
    key: ph.key,
    title: ph.title[lang],
    status: ph.status,
    start: ph.facts.startedAt ?? ph.start.at,
    end: ph.facts.doneAt ?? ph.due,
  }));
  const body = (
    <>
      <h1>{name}</h1>
      <StatusNotice message={p.notice} />
      {p.problem ? (
        <div class="error-summary" role="alert">
          <p>{p.problem}</p>
        </div>
      ) : null}
      <ErrorSummary title={ctx.t.errorsTitle} errors={p.errors} />
      <Fact label={w.status}>{w.cycleStatuses[cycle.status]}</Fact>
      <Fact label={w.anchors}>{anchorLines(lang, cycle, template).join('; ')}</Fact>
      <Fact label={w.started}>{formatDateTime(cycle.createdAt, lang)}</Fact>
      {cycle.cancelled ? (
        <p>{w.cancelledLine(formatDateTime(cycle.cancelled.at, lang), cycle.cancelled.reason)}</p>
      ) : null}
      <CycleTimeline lang={lang} name={name} rows={rows} now={now} />
      <h2>{w.phases}</h2>
      <PhaseTable ctx={ctx} cycle={cycle} names={names} />
      <h2>{w.record}</h2>
      <ol>
        {cycle.timeline.map((e) => (
          <li>
            {formatDateTime(e.at, lang)}: {describeCycleEntry(lang, cycle, e)}
          </li>
        ))}
      </ol>
      {p.forms ?? null}
    </>
  );
  return consolePage(ctx, 'cycles', name, body);
}
