/**
 * The office's use cases for consultations: create, list, read with its answers, publish the
 * summary and what was done with it (each mailed to those who asked); and the public one: answer.
 * Plain code on ports (no AWS imports): the store and the mail ledger come in through the deps.
 */
import { randomBytes } from 'node:crypto';
import { type AnswerCheck, checkAnswer } from './answer-check';
import {
  type Answer,
  type Consultation,
  type ConsultationStatus,
  deadlineRefusal,
  expandAreas,
  wantsMail,
} from './consultation';
import { type PublicationKind, publicationEmail } from './emails';
import { countersFor } from './rate-limit';
import type { AnswerForm, CreateConsultation, PublishOutcome, PublishSummary } from './schemas';
import type { AnswerStore } from './store';
import { type MailDeps, type MailLedger, sendOnceVia } from '../../engine/mail-ledger';
import type { AuditEntry, VersionedDocs } from '../../engine/ports';
import { mutateVersioned } from '../../engine/versioned-write';
import { ConflictError, KEY_REUSED_MESSAGE, NotFoundError, ValidationError } from '../../platform/errors';
import { idForKey, requestHash } from '../../platform/keyed-create';

export type ConsultationStore = Pick<
  VersionedDocs<Consultation, ConsultationStatus>,
  'create' | 'get' | 'list' | 'save' | 'appendAudit' | 'listAudit'
> &
  AnswerStore &
  MailLedger;

export interface ConsultationDeps {
  consultations: ConsultationStore;
  mail: MailDeps;
  now: () => Date;
}

export async function loadConsultation(deps: Pick<ConsultationDeps, 'consultations'>, id: string) {
  const c = /^[\w-]{1,100}$/.test(id) ? await deps.consultations.get(id) : null;
  if (!c) throw new NotFoundError('consultation', id);
  return c;
}

export const listConsultations = (deps: Pick<ConsultationDeps, 'consultations'>, status?: ConsultationStatus) =>
  deps.consultations.list(status);

export async function readConsultation(deps: ConsultationDeps, id: string) {
  const c = await loadConsultation(deps, id);
  const [answers, timeline] = await Promise.all([deps.consultations.answers(id), deps.consultations.listAudit(id)]);
  return { ...c, answers, timeline };
}

const audit = (deps: ConsultationDeps, c: Consultation, what: string, actor: string, details?: object) =>
  deps.consultations.appendAudit(c.id, {
    key: `v${String(c.version).padStart(6, '0')}:${what}`,
    at: deps.now().toISOString(),
    kind: what,
    actor,
    details: details as AuditEntry['details'],
  });

export async function createConsultation(
  deps: ConsultationDeps,
  req: CreateConsultation,
  actor: string,
  options: { idempotencyKey?: string } = {},
): Promise<Consultation> {
  const id = idForKey('ip', actor, options.idempotencyKey);
  const hash = options.idempotencyKey ? requestHash(req) : undefined;
  if (options.idempotencyKey) {
    const existing = await deps.consultations.get(id);
    if (existing) {
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      return existing;
    }
  }
  const now = deps.now();
  const late = deadlineRefusal(req.deadline, now);
  if (late) throw new ValidationError({ deadline: late });
  const areas = req.areas?.length ? expandAreas(req.areas) : undefined;
  const c: Consultation = {
    id,
    version: 1,
    status: 'open',
    title: req.title,
    question: req.question,
    explanation: req.explanation,
    documents: req.documents,
    deadline: new Date(req.deadline).toISOString(),
    ...(areas ? { areas } : {}),
    ...(req.cycle ? { cycle: req.cycle } : {}),
    createdAt: now.toISOString(),
    createdBy: actor,
    ...(hash ? { requestHash: hash } : {}),
  };
  await deps.consultations.create(c);
  await audit(deps, c, 'created', actor);
  return c;
}

export type AnswerResult = AnswerCheck | { ok: false; busy: true };

/** A time-ordered id: the answers read back in the order they came in. */
const answerId = (now: Date) => `${now.toISOString()}-${randomBytes(6).toString('hex')}`;

/**
 * A resident's answer. The honeypot filled in: the same thanks, nothing stored (a robot learns
 * nothing). Over the limit for the address or the email: "try again later", the same whether or not
 * the email is known anywhere; the counters are only counted once the answer itself is acceptable.
 */
export async function answerConsultation(
  deps: ConsultationDeps,
  id: string,
  form: AnswerForm,
  from: { ip: string; lang: 'nl' | 'en' },
): Promise<AnswerResult> {
  const c = await loadConsultation(deps, id);
  const now = deps.now();
  const checked = checkAnswer(c, form, now);
  if (!checked.ok) return checked;
  if (form.website.trim()) return checked;
  for (const counter of countersFor(from.ip, checked.answer.email, now))
    if (!(await deps.consultations.count(counter))) return { ok: false, busy: true };
  const answer: Answer = {
    id: answerId(now),
    consultationId: c.id,
    at: now.toISOString(),
    lang: from.lang,
    ...checked.answer,
  };
  await deps.consultations.putAnswer(answer);
  return checked;
}

export const pageUrl = (deps: ConsultationDeps, c: Consultation, lang: 'nl' | 'en') =>
  `${deps.mail.settings.publicBaseUrl}/inspraak/${c.id}${lang === 'en' ? '?lang=en' : ''}`;

/** Send one publication to every answer that asked for it; each once (its key names the answer). */
async function mailPublication(deps: ConsultationDeps, c: Consultation, kind: PublicationKind): Promise<number> {
  const pub = kind === 'summary' ? c.summary : c.outcome;
  if (!pub) return 0;
  let sent = 0;
  for (const a of (await deps.consultations.answers(c.id)).filter(wantsMail)) {
    const content = publicationEmail(c, kind, pub, a, pageUrl(deps, c, a.lang));
    const tag = `consultation-${kind}`;
    if (await sendOnceVia(deps.mail, deps.consultations, c.id, `${kind}:${a.id}`, a.email, tag, content)) sent++;
  }
  return sent;
}

/**
 * Publish the summary once the deadline has passed; the same text again (a retry after a crash
 * half-way the mailing) only sends what was not sent yet. Another text on a published summary is a 409.
 */
export async function publishSummary(deps: ConsultationDeps, id: string, req: PublishSummary, actor: string) {
  const current = await loadConsultation(deps, id);
  if (current.cancelled) throw new ConflictError('the consultation was stopped');
  if (Date.parse(current.deadline) > deps.now().getTime())
    throw new ConflictError('the consultation still takes answers until its deadline');
  const c = await publish(deps, current, req, actor, 'summary', (doc, pub) => ({
    ...doc,
    status: 'published',
    summary: pub,
  }));
  return { consultation: c, mailed: await mailPublication(deps, c, 'summary') };
}

/** Publish what was done with the answers, with links to what followed; mailed like the summary. */
export async function publishOutcome(deps: ConsultationDeps, id: string, req: PublishOutcome, actor: string) {
  const current = await loadConsultation(deps, id);
  if (!current.summary) throw new ConflictError('publish the summary first');
  const c = await publish(deps, current, req, actor, 'outcome', (doc, pub) => ({
    ...doc,
    outcome: { ...pub, links: req.links },
  }));
  return { consultation: c, mailed: await mailPublication(deps, c, 'outcome') };
}

async function publish(
  deps: ConsultationDeps,
  current: Consultation,
  req: { version: number; text: string },
  actor: string,
  kind: PublicationKind,
  apply: (c: Consultation, pub: { text: string; at: string; by: string }) => Consultation,
): Promise<Consultation> {
  const existing = current[kind];
  if (existing) {
    if (existing.text === req.text) return current;
    throw new ConflictError(`the ${kind} is published; it is not changed`);
  }
  if (current.version !== req.version) throw new ConflictError(`version ${req.version} is not the current version`);
  const pub = { text: req.text, at: deps.now().toISOString(), by: actor };
  const saved = await mutateVersioned(
    { load: (i) => loadConsultation(deps, i), save: (n, v) => deps.consultations.save(n, v) },
    current.id,
    (doc) => (doc.version !== req.version || doc[kind] ? null : { ...apply(doc, pub), version: doc.version + 1 }),
    { current },
  );
  if (!saved) throw new ConflictError('the consultation changed meanwhile; read it again');
  await audit(deps, saved.after, kind, actor);
  return saved.after;
}
