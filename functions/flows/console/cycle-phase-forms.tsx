/**
 * The office's changes to a cycle, as forms: on a phase's own page, move its dates, skip it (saying
 * what waits instead when others wait for it), mark it done when it waits for the office; on the
 * cycle's page, add a phase and cancel the cycle. Every form carries the version the page showed, so
 * a change on a cycle someone else changed since is refused (409) and nothing changes.
 */
import { Choice, ErrorSummary, type FieldErrors, Hidden } from '../../engine/ui/form';
import { formatDateTime } from '../../platform/time';
import { type CycleView, isOpen, type PhaseView } from '../cycle';
import { cycleWords } from './cycle-words';
import { InputField, TextAreaField } from './fields';
import { type ConsoleContext, consolePage, Fact, PostForm } from './ui';

type Values = Record<string, string> | undefined;

/** A date and a time field side by side, Amsterdam time; the error sits on the date. */
export function DateTime(p: { ctx: ConsoleContext; id: string; label: string; errors?: FieldErrors; values: Values }) {
  const w = cycleWords[p.ctx.lang];
  return (
    <fieldset>
      <legend>{p.label}</legend>
      <InputField
        type="date"
        id={`${p.id}-date`}
        label={w.date}
        errors={p.errors}
        value={p.values?.[`${p.id}-date`] ?? ''}
      />
      <InputField type="time" id={`${p.id}-time`} label={w.time} value={p.values?.[`${p.id}-time`] ?? ''} />
    </fieldset>
  );
}

/** Has the phase started: its start date can no longer move. */
const started = (p: PhaseView) => Boolean(p.facts.startedAt);
/** Its round or action item still runs: skipping the phase stops it (flow-sync.ts). */
const runsFlow = (p: PhaseView) =>
  Boolean(p.facts.flow && !p.facts.doneAt && !p.facts.returnedAt && !p.facts.stoppedAt && !p.facts.refused);

/** The office marks done what has no flow of its own, or whose flow was handed back or refused. */
export const waitsForOffice = (p: PhaseView) =>
  Boolean(p.facts.startedAt && !p.facts.doneAt && (p.facts.office || p.facts.returnedAt || p.facts.refused));

export function phasePage(
  ctx: ConsoleContext,
  cycle: CycleView,
  phase: PhaseView,
  p: { errors?: FieldErrors; values?: Values; problem?: string } = {},
): string {
  const { lang } = ctx;
  const w = cycleWords[lang];
  const { errors, values } = p;
  const action = `/console/cycles/${cycle.id}/phases/${phase.key}`;
  const version = <Hidden name="version" value={String(cycle.version)} />;
  const dependents = cycle.phases.filter((q) => q.start.after.includes(phase.key) && !q.skipped);
  const earlier = cycle.phases.slice(0, cycle.phases.indexOf(phase)).filter((q) => !q.skipped);
  const ended = phase.status === 'done' || phase.status === 'skipped' || !isOpen(cycle);
  const title = phase.title[lang];
  const body = (
    <>
      <h1>{title}</h1>
      <p>
        <a href={`/console/cycles/${cycle.id}`}>{w.back}</a>
      </p>
      {p.problem ? (
        <div class="error-summary" role="alert">
          <p>{p.problem}</p>
        </div>
      ) : null}
      <ErrorSummary title={ctx.t.errorsTitle} errors={errors} />
      <Fact label={w.status}>{w.phaseStatuses[phase.status]}</Fact>
      <Fact label={w.from}>{formatDateTime(phase.facts.startedAt ?? phase.start.at, lang)}</Fact>
      <Fact label={w.due}>{formatDateTime(phase.due, lang)}</Fact>
      {ended ? <p>{isOpen(cycle) ? w.noChanges : w.closedCycle}</p> : null}
      {ended ? null : (
        <div class="actions">
          <PostForm ctx={ctx} action={action} novalidate>
            <Hidden name="action" value="move" />
            {version}
            <h2>{w.moveTitle}</h2>
            <p class="hint">{w.moveHint}</p>
            <>
              {started(phase) ? null : (
                <DateTime ctx={ctx} id="start" label={w.newStart} errors={errors} values={values} />
              )}
            </>
            <DateTime ctx={ctx} id="due" label={w.newDue} errors={errors} values={values} />
            <TextAreaField
              id="move-reason"
              label={w.reason}
              hint={w.reasonHint}
              errors={errors}
              maxlength={500}
              value={values?.['move-reason']}
            />
            <button type="submit" id="move-submit">
              {w.move}
            </button>
          </PostForm>
          <PostForm ctx={ctx} action={action} novalidate>
            <Hidden name="action" value="skip" />
            {version}
            <h2>{w.skipTitle}</h2>
            <>{runsFlow(phase) ? <p>{w.skipStopsFlow}</p> : null}</>
            <>
              {dependents.length ? (
                <fieldset>
                  <legend id="instead">{w.waiting(dependents.map((q) => q.title[lang]).join(', '))}</legend>
                  <Choice
                    type="radio"
                    name="insteadMode"
                    value="nothing"
                    checked={values?.insteadMode === 'nothing'}
                    label={w.insteadNothing}
                  />
                  <Choice
                    type="radio"
                    name="insteadMode"
                    value="phases"
                    checked={values?.insteadMode === 'phases'}
                    label={w.insteadPhases}
                  />
                  {earlier.map((q) => (
                    <Choice
                      type="checkbox"
                      name="instead"
                      value={q.key}
                      checked={values?.instead?.split(',').includes(q.key)}
                      label={q.title[lang]}
                    />
                  ))}
                </fieldset>
              ) : null}
            </>
            <TextAreaField
              id="skip-reason"
              label={w.reason}
              hint={w.reasonHint}
              errors={errors}
              maxlength={500}
              value={values?.['skip-reason']}
            />
            <button type="submit" id="skip-submit" class="danger">
              {w.skip}
            </button>
          </PostForm>
          {waitsForOffice(phase) ? (
            <PostForm ctx={ctx} action={`${action}/done`} novalidate>
              {version}
              <h2>{w.doneTitle}</h2>
              <p class="hint">{w.doneHint}</p>
              <TextAreaField id="note" label={w.note} errors={errors} maxlength={1000} value={values?.note} />
              <button type="submit" id="done-submit">
                {w.markDone}
              </button>
            </PostForm>
          ) : null}
        </div>
      )}
    </>
  );
  return consolePage(ctx, 'cycles', title, body);
}
