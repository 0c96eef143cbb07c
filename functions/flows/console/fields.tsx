/**
 * The console's form fields: the shared label, hint and error (engine/ui/form) with the control they
 * describe, so every field ties its hint and error to the control the same way. Candidates for
 * engine/ui once another flow's forms need them.
 */
import { describedBy, type FieldErrors, FieldLabel, type Option, Options } from '../../engine/ui/form';
import type { Child } from '../../platform/jsx';

interface Field {
  id: string;
  label: Child;
  hint?: string;
  /** Given when the field's error is shown next to it and linked from the error summary. */
  errors?: FieldErrors;
}

export function InputField(
  p: Field & {
    type: 'text' | 'email' | 'password' | 'number' | 'datetime-local' | 'date' | 'time';
    value?: string;
    required?: boolean;
    maxlength?: number;
    min?: number;
    max?: number;
    autocomplete?: string;
  },
) {
  return (
    <>
      <FieldLabel id={p.id} label={p.label} hint={p.hint} errors={p.errors} />
      <input
        type={p.type}
        id={p.id}
        name={p.id}
        value={p.value}
        required={p.required}
        maxlength={p.maxlength}
        min={p.min}
        max={p.max}
        autocomplete={p.autocomplete}
        aria-describedby={describedBy(p.errors, p.id, Boolean(p.hint))}
      />
    </>
  );
}

export function TextAreaField(p: Field & { value?: string; required?: boolean; maxlength?: number }) {
  return (
    <>
      <FieldLabel id={p.id} label={p.label} hint={p.hint} errors={p.errors} />
      <textarea
        id={p.id}
        name={p.id}
        required={p.required}
        maxlength={p.maxlength}
        aria-describedby={describedBy(p.errors, p.id, Boolean(p.hint))}
      >
        {p.value ?? ''}
      </textarea>
    </>
  );
}

export function SelectField(p: Field & { options: Option[]; selected?: string }) {
  return (
    <>
      <FieldLabel id={p.id} label={p.label} hint={p.hint} errors={p.errors} />
      <select id={p.id} name={p.id} aria-describedby={describedBy(p.errors, p.id, Boolean(p.hint))}>
        <Options options={p.options} selected={p.selected} />
      </select>
    </>
  );
}

/** The list of things to choose from, as options: the id is the value, the name the label. */
export const named = (list: { id: string; name: string }[]): Option[] =>
  list.map((x) => ({ value: x.id, label: x.name }));

/** Codes with their words (a kind, a role): the code is the value. */
export const worded = (codes: readonly string[], words: Record<string, string>): Option[] =>
  codes.map((c) => ({ value: c, label: words[c] }));

/** Only groups and partners still taking part can be chosen. */
export const stillActive = <T extends { active?: boolean }>(list: T[]) => list.filter((x) => x.active !== false);
