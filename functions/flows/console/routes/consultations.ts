/**
 * Consultations from the console: the list, one with its answers, and publishing the summary and
 * what was done with it (post/redirect/get; the counts of emails sent in the notice). The API's
 * schemas and use cases behind them, so the console does what the API would.
 */
import {
  CreateConsultation,
  consultationDeps,
  createConsultation,
  deadlineRefusal,
  expandAreas,
  listConsultations,
  PublishOutcome,
  publishOutcome,
  PublishSummary,
  publishSummary,
  readConsultation,
} from '../../consultation';
import { ConflictError, ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import { NEW_FIELDS, newConsultationPage, type NewConsultationValues } from '../consultation-form';
import type { RouteTable } from '../../../platform/http';
import { consultationConsolePage, consultationsPage, type PublishFormState } from '../consultation-pages';
import { consultationWords } from '../consultation-words';
import { attempt, htmlReply, redirect, type Handler, type Reply, type SignedInRequest } from '../http';
import { fromLocalInput } from '../round-form';

/** The form's one-time key as an Idempotency-Key (as the round form's): the same form posted twice makes one. */
const onceKey = (once: string) => (/^[A-Za-z0-9_-]{16,64}$/.test(once) ? `console-${once}` : undefined);

/** A refusal of the API's schema or use case, as the form's fields with the console's own words. */
function formErrors(fields: Record<string, string>, lang: SignedInRequest['ctx']['lang']): Record<string, string> {
  const e = consultationWords[lang].errors;
  const out: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    const field = key.split('.')[0];
    if (field === 'deadline') out.deadline = e.deadline;
    else if (field === 'areas') out.areas = e.areas;
    else if (field === 'documents') out.documents = e.links;
    else if (field === 'title' || field === 'question' || field === 'explanation') out[field] = e.field;
  }
  return Object.keys(out).length ? out : { title: e.field };
}

async function create(req: SignedInRequest): Promise<Reply> {
  const { ctx, form, session } = req;
  const v = Object.fromEntries(NEW_FIELDS.map((f) => [f, form.text(f)])) as unknown as NewConsultationValues;
  const errors: Record<string, string> = {};
  const documents = parseLinks(v.documents);
  if (!documents) errors.documents = consultationWords[ctx.lang].errors.links;
  const deadline = fromLocalInput(v.deadline);
  if (!deadline) errors.deadline = consultationWords[ctx.lang].errors.deadline;
  // "1060 - 1069, 1070" → ["1060-1069", "1070"]: a range's dash first, then commas and spaces.
  const areas = v.areas
    .replace(/\s*[-–]\s*/g, '-')
    .split(/[,;\s]+/)
    .filter(Boolean);
  const request = {
    title: v.title,
    question: v.question,
    explanation: v.explanation,
    deadline: deadline ?? '',
    documents: documents ?? [],
    ...(areas.length ? { areas } : {}),
  };
  // Every field's problem at once: the schema's, then the dates and areas the use case would refuse.
  const deps = consultationDeps();
  let checked: CreateConsultation | undefined;
  try {
    checked = parse(CreateConsultation, request);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    Object.assign(errors, formErrors(err.fields, ctx.lang), errors);
  }
  if (deadline && deadlineRefusal(deadline, deps.now())) errors.deadline = consultationWords[ctx.lang].errors.deadline;
  try {
    expandAreas(areas);
  } catch {
    errors.areas = consultationWords[ctx.lang].errors.areas;
  }
  if (!checked || Object.keys(errors).length) return htmlReply(400, newConsultationPage(ctx, v, errors));
  try {
    const c = await createConsultation(deps, checked, session.sub, { idempotencyKey: onceKey(form.text('once')) });
    return redirect(`/console/consultations/${c.id}?m=created`);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return htmlReply(400, newConsultationPage(ctx, v, formErrors(err.fields, ctx.lang)));
  }
}

/** "Besluit | https://…" per line; null when a line is not so. */
function parseLinks(text: string): { title: string; url: string }[] | null {
  const out: { title: string; url: string }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [title, url] = line.split('|').map((s) => s.trim());
    if (!title || !url || !/^https?:\/\//.test(url)) return null;
    out.push({ title, url });
  }
  return out;
}

async function publish(req: SignedInRequest, kind: 'summary' | 'outcome'): Promise<Reply> {
  const { ctx, form, params, session } = req;
  const w = consultationWords[ctx.lang];
  const deps = consultationDeps();
  const text = form.text('text');
  const linksText = form.text('links');
  const state: PublishFormState = { kind, text, links: linksText, errors: {} };
  const again = async (status: number, errors: Record<string, string>) =>
    htmlReply(
      status,
      consultationConsolePage(ctx, await readConsultation(deps, params.id), deps.now(), {
        state: { ...state, errors },
      }),
    );
  const links = kind === 'outcome' ? parseLinks(linksText) : [];
  if (!links) return again(400, { 'outcome-links': w.errors.links });
  const request = { version: Number(form.get('version')), text, ...(kind === 'outcome' ? { links } : {}) };
  try {
    const result = await attempt<PublishSummary & PublishOutcome>(
      kind === 'summary' ? PublishSummary : PublishOutcome,
      request,
      async (checked) => {
        const run = kind === 'summary' ? publishSummary : publishOutcome;
        const { mailed } = await run(deps, params.id, checked, session.sub);
        return redirect(`/console/consultations/${params.id}?m=${mailed}`);
      },
    );
    return 'status' in result ? (result as Reply) : again(400, { [`${kind}-text`]: w.errors.text });
  } catch (err) {
    if (err instanceof ConflictError) return again(409, { [`${kind}-text`]: w.errors.conflict });
    throw err;
  }
}

export const consultationRoutes: RouteTable<'consultationConsole', Handler, 'session'> = {
  'GET /console/consultations': async ({ ctx }) => {
    const deps = consultationDeps();
    const all = await listConsultations(deps);
    const counted = await Promise.all(
      all.map(async (c) => ({ ...c, count: await deps.consultations.countAnswers(c.id) })),
    );
    return htmlReply(200, consultationsPage(ctx, counted, deps.now()));
  },
  'GET /console/consultations/new': async ({ ctx }) => htmlReply(200, newConsultationPage(ctx, {})),
  'POST /console/consultations': create,
  'GET /console/consultations/{id}': async ({ ctx, params, query }) => {
    const deps = consultationDeps();
    const c = await readConsultation(deps, params.id);
    const w = consultationWords[ctx.lang];
    const sent = query.m && /^\d{1,6}$/.test(query.m) ? Number(query.m) : undefined;
    const message = query.m === 'created' ? w.created : sent === undefined ? undefined : w.published(sent);
    return htmlReply(200, consultationConsolePage(ctx, c, deps.now(), { message }));
  },
  'POST /console/consultations/{id}/summary': (req) => publish(req, 'summary'),
  'POST /console/consultations/{id}/outcome': (req) => publish(req, 'outcome'),
};
