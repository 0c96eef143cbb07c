/**
 * The console's form for a new consultation: the fields of POST /api/consultations, the deadline as
 * Amsterdam wall time, areas as typed ("1060-1069, 1070") and documents one per line
 * ("titel | https://…"); a one-time key, so a double click opens one consultation, not two.
 */
import { randomBytes } from 'node:crypto';
import { consultationWords } from './consultation-words';
import { InputField, TextAreaField } from './fields';
import { type ConsoleContext, consolePage, FormPage } from './ui';
import { Hidden, type FieldErrors } from '../../engine/ui/form';

export interface NewConsultationValues {
  title: string;
  question: string;
  explanation: string;
  deadline: string;
  areas: string;
  documents: string;
}

export const NEW_FIELDS = ['title', 'question', 'explanation', 'deadline', 'areas', 'documents'] as const;

export function newConsultationPage(ctx: ConsoleContext, v: Partial<NewConsultationValues>, errors?: FieldErrors) {
  const w = consultationWords[ctx.lang];
  // The summary lists the errors in the order of the fields on the form.
  if (errors) errors = Object.fromEntries(NEW_FIELDS.flatMap((k) => (errors?.[k] ? [[k, errors[k]]] : [])));
  const f = (id: (typeof NEW_FIELDS)[number]) => ({ id, label: w.fields[id][0], hint: w.fields[id][1], errors });
  return consolePage(
    ctx,
    'consultations',
    w.newTitle,
    <FormPage ctx={ctx} title={w.newTitle} errors={errors} action="/console/consultations">
      <Hidden name="once" value={randomBytes(18).toString('base64url')} />
      <InputField {...f('title')} type="text" value={v.title} maxlength={200} required />
      <TextAreaField {...f('question')} value={v.question} maxlength={1000} required />
      <TextAreaField {...f('explanation')} value={v.explanation} maxlength={4000} required />
      <InputField {...f('deadline')} type="datetime-local" value={v.deadline} required />
      <InputField {...f('areas')} type="text" value={v.areas} maxlength={200} />
      <TextAreaField {...f('documents')} value={v.documents} />
      <p>
        <button type="submit">{w.create}</button>
      </p>
    </FormPage>,
  );
}
