/**
 * Form parts every page shares, in the pattern of the GOV.UK and NL Design System forms: a label with
 * its hint, the error next to the field and linked from a summary at the top, aria-describedby tying
 * hint and error to the control.
 */
import type { Child } from '../../platform/jsx';

/** Field name → the message to show; absent or empty when the form has no errors. */
export type FieldErrors = Record<string, string> | undefined;

/** The ids of the hint and the error that describe a field, for aria-describedby. */
export function describedBy(errors: FieldErrors, id: string, hint = false): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors?.[id] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function ErrorSummary(p: { title: string; errors: FieldErrors }) {
  if (!p.errors || Object.keys(p.errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p>
        <strong>{p.title}</strong>
      </p>
      <ul>
        {Object.entries(p.errors).map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError(p: { errors: FieldErrors; id: string }) {
  const message = p.errors?.[p.id];
  return message ? (
    <span class="error" id={`${p.id}-error`}>
      {message}
    </span>
  ) : null;
}

/** The label (with its hint inside, so screen readers read both) and the field's error. */
export function FieldLabel(p: { id: string; label: Child; hint?: string; errors?: FieldErrors }) {
  return (
    <>
      <label for={p.id}>
        {p.label}
        {p.hint ? (
          <span class="hint" id={`${p.id}-hint`}>
            {p.hint}
          </span>
        ) : null}
      </label>
      <FieldError errors={p.errors} id={p.id} />
    </>
  );
}

/** A radio button or checkbox with its label around it. */
export function Choice(p: {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked?: boolean;
  label: Child;
  id?: string;
  required?: boolean;
}) {
  return (
    <label class="choice">
      <input type={p.type} id={p.id} name={p.name} value={p.value} checked={p.checked} required={p.required} />{' '}
      {p.label}
    </label>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Options(p: { options: Option[]; selected?: string }) {
  return (
    <>
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.selected}>
          {o.label}
        </option>
      ))}
    </>
  );
}

export const Hidden = (p: { name: string; value: string }) => <input type="hidden" name={p.name} value={p.value} />;
