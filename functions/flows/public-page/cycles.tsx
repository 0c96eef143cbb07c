/**
 * The public page of the programme's cycles (GET /cycli): per cycle what it is for, and each step in
 * plain words with where it stands and when. No personal data: a step says who does it by role
 * ("het alliantiebestuur", "de partners"), a trekker only as an organisation; who started, changed
 * or stopped a cycle, and why, stays with the office (its reasons are free text that may name people).
 *
 * A stopped (cancelled) cycle is shown as stopped, without its steps: the seeds ask for transparency
 * about what happens with the alliance's plans, and a plan that silently vanishes is what residents
 * complain of; its steps would still show the clock's status ("te laat") for work nobody does now.
 */
import { actielijnWords } from './actielijnen';
import { cycleWords, publicDate, publicMonth } from './cycle-words';
import { publicListPage } from './public-list-page';
import type { Organisation } from '../../engine/directory';
import { type Cycle, cycleView, type CycleView } from '../cycle';
import { outcomeSentence } from '../approval-round';
import type { Lang } from '../../platform/time';

type PhaseView = CycleView['phases'][number];

/** Running first, then about to start, then finished, then stopped; newest first within each. */
const ORDER: Record<Cycle['status'], number> = { running: 0, planned: 1, done: 2, cancelled: 3 };

function When(p: { phase: PhaseView; lang: Lang }) {
  const { phase, lang } = p;
  const w = cycleWords[lang].when;
  if (phase.status === 'done' && phase.facts.doneAt) return <>{w.done(publicDate(phase.facts.doneAt, lang))}</>;
  if (phase.status === 'running') return <>{w.running(publicDate(phase.due, lang))}</>;
  if (phase.status === 'late') return <>{w.late(publicDate(phase.due, lang))}</>;
  if (phase.status === 'toCome') return <>{w.toCome(publicMonth(phase.due, lang))}</>;
  return null;
}

/** The board's or the kerngroep's decision, when the step was a round that reached one. */
function PhaseOutcome(p: { phase: PhaseView; lang: Lang }) {
  const { phase, lang } = p;
  const sentences: Record<string, string | undefined> = outcomeSentence[lang];
  const sentence = phase.facts.outcome ? sentences[phase.facts.outcome] : undefined;
  const round = phase.kind === 'approvalRound' || phase.kind === 'consentRound';
  if (!round || phase.status !== 'done' || !sentence) return null;
  return (
    <>
      <br />
      {cycleWords[lang].outcome}: {sentence}
    </>
  );
}

function Step(p: { phase: PhaseView; lang: Lang }) {
  const { phase, lang } = p;
  const w = cycleWords[lang];
  const when = <When phase={phase} lang={lang} />;
  return (
    <li>
      <strong>{phase.title[lang]}</strong>
      <br />
      {w.who}: {w.roles[phase.role]} · <span class="state">{w.state[phase.status]}</span>
      {phase.status === 'skipped' ? null : <>, {when}</>}
      <PhaseOutcome phase={phase} lang={lang} />
    </li>
  );
}

/** The trekker as the public may see it: the organisations named for the role, never a person. */
function trekkerOrgs(cycle: Cycle, orgs: Organisation[]): string {
  const ids = cycle.assignments.trekker?.organisationIds ?? [];
  return ids.flatMap((id) => orgs.find((o) => o.id === id)?.name ?? []).join(', ');
}

function CycleSection(p: { cycle: CycleView; orgs: Organisation[]; lang: Lang }) {
  const { cycle, lang } = p;
  const w = cycleWords[lang];
  const purpose = w.purpose[cycle.templateId];
  const trekker = trekkerOrgs(cycle, p.orgs);
  return (
    <section>
      <h2>{cycle.name[lang]}</h2>
      {trekker ? (
        <p>
          {w.trekker}: {trekker}
        </p>
      ) : null}
      {purpose ? <p>{purpose}</p> : null}
      {cycle.status === 'cancelled' ? (
        <p class="state">{w.stopped(publicDate(cycle.cancelled?.at ?? cycle.createdAt, lang))}</p>
      ) : (
        <>
          <p class="state">{w.cycle[cycle.status]}</p>
          <h3>{w.steps}</h3>
          <ol>
            {cycle.phases.map((phase) => (
              <Step phase={phase} lang={lang} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function publicCyclesPage(cycles: Cycle[], orgs: Organisation[], lang: Lang, now: Date): string {
  const w = cycleWords[lang];
  const views = cycles
    .map((c) => cycleView(c, now))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));
  return publicListPage(
    {
      lang,
      title: w.title,
      intro: w.intro,
      none: w.none,
      other: { path: '/actielijnen', label: actielijnWords[lang].link },
      style: '.state{font-weight:bold}',
    },
    views.map((c) => <CycleSection cycle={c} orgs={orgs} lang={lang} />),
  );
}
