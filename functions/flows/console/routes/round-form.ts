/** The new-round form: read as the API's round request, and its field errors in words. */
import type { Form } from '../http';
import { fromLocalInput, REMINDER_OPTIONS, type NewRoundValues } from '../round-pages';
import type { ConsoleContext } from '../ui';

function formValues(form: Form): NewRoundValues {
  return {
    title: form.text('title'),
    summary: form.text('summary'),
    documents: form.get('documents') ?? '',
    who: form.get('who') === 'people' ? 'people' : 'body',
    bodyId: form.get('bodyId'),
    approverIds: form.all('approverIds'),
    rule: form.get('rule') ?? 'majority',
    quorum: form.text('quorum'),
    consentQuorum: form.get('consentQuorum') === 'on',
    consentDeadline: form.get('consentDeadline'),
    deadline: form.get('deadline'),
    reminders: form.all('reminders'),
  };
}

/** One document per line, "title | url". */
function documentLines(text: string | undefined) {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [title, url] = line.split('|').map((x) => x.trim());
      return { title: title ?? '', url: url ?? '' };
    });
}

/** The form as a round request; the API's schema then checks it exactly as it checks JSON. */
export function parseRoundForm(form: Form): {
  values: NewRoundValues;
  request: unknown;
  errors: Record<string, string>;
} {
  const values = formValues(form);
  const errors: Record<string, string> = {};
  const quorum = Number(values.quorum || '50');
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > 99) errors.quorum = 'quorum';
  const deadline = fromLocalInput(values.deadline);
  if (!deadline) errors.deadline = 'deadline';
  const consentDeadline = fromLocalInput(values.consentDeadline);
  if (values.rule === 'consensus-then-majority' && !consentDeadline) errors.consentDeadline = 'consentDeadline';
  const rule =
    values.rule === 'majority'
      ? { type: 'majority', quorum: quorum / 100 }
      : values.rule === 'consensus-then-majority'
        ? { type: values.rule, consentDeadline: consentDeadline ?? '', quorum: quorum / 100 }
        : // Consent adopts on silence unless the office asks for a minimum turnout too.
          values.rule === 'consent' && values.consentQuorum
          ? { type: values.rule, quorum: quorum / 100 }
          : { type: values.rule };
  const request = {
    title: values.title,
    summary: values.summary,
    documents: documentLines(values.documents),
    rule,
    deadline: deadline ?? '',
    reminders: (values.reminders ?? []).filter((d) => (REMINDER_OPTIONS as readonly string[]).includes(d)),
    ...(values.who === 'people'
      ? { approverIds: values.approverIds?.length ? values.approverIds : undefined }
      : { bodyId: values.bodyId || '' }),
  };
  return { values, request, errors };
}

/** Whatever the schema or the service says about a field, the person reads what to do, in their language. */
export function roundFormErrors(fields: Record<string, string>, t: ConsoleContext['t']): Record<string, string> {
  const message: Record<string, string> = {
    title: t.errTitle,
    summary: t.errSummary,
    documents: t.documentsHint,
    bodyId: t.errBody,
    approverIds: t.errApprovers,
    rule: t.errRule,
    deadline: t.errDeadline,
    consentDeadline: t.errConsentDeadline,
    quorum: t.quorumHint,
    reminders: t.errReminders,
  };
  const out: Record<string, string> = {};
  for (const field of Object.keys(fields)) {
    const [head, second] = field.split('.');
    const key = head === 'rule' && (second === 'consentDeadline' || second === 'quorum') ? second : head;
    out[key] ??= message[key] ?? t.errorsTitle;
  }
  return out;
}
