/** The console's form to ask partners for input: what, from whom, until when, and what if they stay silent. */
import type { Body, Organisation } from '../../engine/directory';
import { Choice, FieldError, type FieldErrors, Options } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';
import { InputField, named, SelectField, stillActive, TextAreaField } from './fields';
import { formWords as words } from './flow-form-words';
import { type ConsoleContext, consolePage, FormPage } from './ui';

export const INPUT_REMINDER_OPTIONS = ['P7D', 'P3D', 'P1D'] as const;

export interface NewInputValues {
  title?: string;
  request?: string;
  organisationIds?: string[];
  kind?: string;
  deadline?: string;
  reminders?: string[];
  escalate?: boolean;
  bodyId?: string;
}

/** Partners one by one (those with a contact), or all of one kind. */
function PartnerChoice(p: { lang: Lang; orgs: Organisation[]; v: NewInputValues; errors?: FieldErrors }) {
  const w = words[p.lang];
  const kinds = [...new Set(p.orgs.map((o) => o.kind))].sort();
  return (
    <fieldset>
      <legend>{w.partners}</legend>
      <FieldError errors={p.errors} id="organisationIds" />
      {p.orgs.map((o, i) => (
        <Choice
          type="checkbox"
          id={i === 0 ? 'organisationIds' : undefined}
          name="organisationIds"
          value={o.id}
          checked={p.v.organisationIds?.includes(o.id) ?? false}
          label={o.name}
        />
      ))}
      <SelectField
        id="kind"
        label={w.allOfKind}
        options={[{ value: '', label: w.anyKind }, ...kinds.map((k) => ({ value: k, label: k }))]}
        selected={p.v.kind || ''}
      />
    </fieldset>
  );
}

export function newInputPage(
  ctx: ConsoleContext,
  bodies: Body[],
  orgs: Organisation[],
  v: NewInputValues,
  errors?: FieldErrors,
): string {
  const w = words[ctx.lang];
  const reachable = stillActive(orgs).filter((o) => o.contactIds.length > 0);
  const reminded = (d: string) => (v.reminders ? v.reminders.includes(d) : d === 'P3D');
  const body = (
    <FormPage ctx={ctx} title={w.newInput} errors={errors} action="/console/input-rounds">
      <InputField
        type="text"
        id="title"
        label={w.title}
        errors={errors}
        value={v.title ?? ''}
        required
        maxlength={200}
      />
      <TextAreaField
        id="request"
        label={w.request}
        hint={w.requestHint}
        errors={errors}
        value={v.request}
        required
        maxlength={5000}
      />
      <PartnerChoice lang={ctx.lang} orgs={reachable} v={v} errors={errors} />
      <InputField
        type="datetime-local"
        id="deadline"
        label={w.deadline}
        hint={w.dueHint}
        errors={errors}
        value={v.deadline ?? ''}
        required
      />
      <fieldset>
        <legend>{w.reminders}</legend>
        {INPUT_REMINDER_OPTIONS.map((d) => (
          <Choice type="checkbox" name="reminders" value={d} checked={reminded(d)} label={w.reminderOption(d)} />
        ))}
      </fieldset>
      <Choice type="checkbox" name="escalate" value="yes" checked={v.escalate ?? true} label={w.escalate} />
      <label for="bodyId">{w.body}</label>
      <FieldError errors={errors} id="bodyId" />
      <select id="bodyId" name="bodyId">
        <Options options={named(stillActive(bodies))} selected={v.bodyId} />
      </select>
      <button type="submit">{w.startInput}</button>
    </FormPage>
  );
  return consolePage(ctx, 'inputs', w.newInput, body);
}
