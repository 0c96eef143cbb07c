/**
 * On the cycle's page: the forms to add a phase (last in the plan) and to cancel the cycle, each with
 * the version the page showed (a cycle changed since is refused with 409 and nothing changes).
 */
import { Hidden, type FieldErrors, Options } from '../../engine/ui/form';
import { type CycleView, isOpen, PHASE_KINDS } from '../cycle';
import { DateTime } from './cycle-phase-forms';
import { cycleWords } from './cycle-words';
import { InputField, SelectField, TextAreaField } from './fields';
import { type ConsoleContext, PostForm } from './ui';

type Values = Record<string, string> | undefined;

/** On the cycle's page: add a phase (last in the plan) and cancel the cycle; only while it is open. */
export function cycleForms(ctx: ConsoleContext, cycle: CycleView, errors?: FieldErrors, values?: Values) {
  if (!isOpen(cycle)) return null;
  const { lang } = ctx;
  const w = cycleWords[lang];
  const version = <Hidden name="version" value={String(cycle.version)} />;
  const roles = Object.keys(cycle.assignments).map((r) => ({ value: r, label: w.roles[r] }));
  const phases = cycle.phases
    .filter((q) => !q.skipped && !q.repeat)
    .map((q) => ({ value: q.key, label: q.title[lang] }));
  return (
    <div class="actions">
      <PostForm ctx={ctx} action={`/console/cycles/${cycle.id}/phases`} novalidate>
        {version}
        <h2>{w.addTitle}</h2>
        <p class="hint">{w.addHint}</p>
        <InputField
          type="text"
          id="add-title"
          label={w.title}
          errors={errors}
          maxlength={120}
          value={values?.['add-title'] ?? ''}
        />
        <InputField
          type="text"
          id="add-titleEn"
          label={w.titleEn}
          maxlength={120}
          value={values?.['add-titleEn'] ?? ''}
        />
        <SelectField
          id="add-kind"
          label={w.kind}
          errors={errors}
          options={PHASE_KINDS.map((k) => ({ value: k, label: w.kinds[k] }))}
          selected={values?.['add-kind'] ?? 'report'}
        />
        <SelectField id="add-role" label={w.role} errors={errors} options={roles} selected={values?.['add-role']} />
        <DateTime ctx={ctx} id="add-start" label={w.startOn} errors={errors} values={values} />
        <label for="add-after">
          {w.waitsFor}
          <span class="hint">{w.waitsForHint}</span>
        </label>
        <select id="add-after" name="add-after">
          <Options options={[{ value: '', label: w.noPhase }, ...phases]} selected={values?.['add-after'] ?? ''} />
        </select>
        <DateTime ctx={ctx} id="add-due" label={w.due} errors={errors} values={values} />
        <TextAreaField
          id="add-reason"
          label={w.reason}
          hint={w.reasonHint}
          errors={errors}
          maxlength={500}
          value={values?.['add-reason']}
        />
        <button type="submit" id="add-submit">
          {w.add}
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={`/console/cycles/${cycle.id}/cancel`} novalidate>
        {version}
        <h2>{w.cancelTitle}</h2>
        <p class="hint">{w.cancelHint}</p>
        <TextAreaField
          id="cancel-reason"
          label={w.reason}
          errors={errors}
          maxlength={500}
          value={values?.['cancel-reason']}
        />
        <button type="submit" id="cancel-submit" class="danger">
          {w.cancel}
        </button>
      </PostForm>
    </div>
  );
}
