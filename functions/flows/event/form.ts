/**
 * Reading the public forms: the fields as sent (kept to show again after an error) and either the
 * checked input or the fields in error, each named by the field the page words the message for.
 */
import type { RegistrationChange, RegistrationInput } from './event';
import type { FormValues } from './event-page';
import { ChangeForm, RegistrationForm } from './schemas';

export type Read<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function errorsOf(issues: { path: PropertyKey[] }[]): Record<string, string> {
  const fields = new Set(issues.map((i) => String(i.path[0] ?? 'proof')));
  return Object.fromEntries([...fields].map((f) => [f, f]));
}

export function formValues(fields: Record<string, string>, needs: string[]): FormValues {
  return {
    name: fields.name,
    email: fields.email,
    people: fields.people,
    language: fields.language,
    lang: fields.lang === 'en' ? 'en' : fields.lang === 'nl' ? 'nl' : undefined,
    needs,
    consent: fields.consent === 'yes',
  };
}

const people = (v: string | undefined) => (/^\d{1,2}$/.test(v ?? '') ? Number(v) : Number.NaN);
const optional = (v: string | undefined) => (v?.trim() ? v : undefined);

export function readRegistration(
  fields: Record<string, string>,
  needs: string[],
  pageLang: string,
): Read<RegistrationInput> {
  const parsed = RegistrationForm.safeParse({
    name: fields.name ?? '',
    email: fields.email ?? '',
    people: people(fields.people),
    needs,
    language: optional(fields.language),
    lang: fields.lang === 'en' || fields.lang === 'nl' ? fields.lang : pageLang,
    consent: fields.consent === 'yes',
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: errorsOf(parsed.error.issues) };
}

export function readChange(fields: Record<string, string>, needs: string[]): Read<RegistrationChange> {
  const parsed = ChangeForm.safeParse({ people: people(fields.people), needs, language: optional(fields.language) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: errorsOf(parsed.error.issues) };
}
