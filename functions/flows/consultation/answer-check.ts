/**
 * The public answer form's rules: what makes an answer acceptable, as field errors the page shows
 * in the resident's language. Text only, length-limited; an email only when it looks like one;
 * consent only with an email. Plain code, tested on its own.
 */
import { type Consultation, MAX_ANSWER_LENGTH, normalisePostcode, type Refusal, refusal } from './consultation';
import type { AnswerForm } from './schemas';

export type FieldError =
  | 'text-empty'
  | 'text-long'
  | 'name-long'
  | 'email-invalid'
  | 'consent-needs-email'
  | Exclude<Refusal, 'closed'>;

export interface CheckedAnswer {
  text: string;
  name?: string;
  email?: string;
  postcode?: string;
  consent: boolean;
}

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[a-z]{2,}$/i;

export type AnswerCheck =
  | { ok: true; answer: CheckedAnswer }
  | { ok: false; closed: true }
  | { ok: false; closed?: false; errors: Partial<Record<keyof AnswerForm, FieldError>> };

export function checkAnswer(c: Consultation, form: AnswerForm, now: Date): AnswerCheck {
  const why = refusal(c, form.postcode, now);
  if (why === 'closed') return { ok: false, closed: true };
  const errors: Partial<Record<keyof AnswerForm, FieldError>> = {};
  const text = form.text.trim();
  const email = form.email.trim();
  const name = form.name.trim();
  if (!text) errors.text = 'text-empty';
  else if (text.length > MAX_ANSWER_LENGTH) errors.text = 'text-long';
  if (name.length > 100) errors.name = 'name-long';
  if (email && (email.length > 254 || !EMAIL.test(email))) errors.email = 'email-invalid';
  const consent = form.consent === 'yes';
  if (consent && !email) errors.consent = 'consent-needs-email';
  if (why) errors.postcode = why;
  if (Object.keys(errors).length) return { ok: false, errors };
  const postcode = form.postcode.trim() ? (normalisePostcode(form.postcode) ?? undefined) : undefined;
  return {
    ok: true,
    answer: {
      text,
      consent,
      ...(name ? { name } : {}),
      ...(email ? { email: email.toLowerCase() } : {}),
      ...(postcode ? { postcode } : {}),
    },
  };
}
