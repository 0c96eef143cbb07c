/**
 * A partner contact's link, or a person's own: what the page shows (the round open or closed, the
 * current answer) and the answer posted from it, recorded for the partner or the person with a receipt.
 */
import { isValid } from 'date-fns/isValid';
import type { Person } from '../../engine/directory';
import { sendAndRecordVia } from '../../engine/mail-ledger';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { checkFormProof, formProof, verifyLink } from '../../platform/link-token';
import { utcIso, wallClock } from '../../platform/time';
import { inputReceiptMail } from './emails';
import { answeredKey, inputReceiptKey } from './input-receipts';
import { mutateInput, respondentFor } from './input-access';
import {
  type InputAnswer,
  asksPeople,
  type InputAnswerKind,
  InputRejected,
  type InputRound,
  recordInput,
} from './input-round';
import type { InputRoundDeps } from './ports';

/** How long an answer page's form can be posted; an older one is refused and the page asks again. */
const FORM_MAX_AGE_SECONDS = 12 * 3600;

export type InputLinkView =
  | { kind: 'invalid' }
  | { kind: 'closed'; round: InputRound; person: Person }
  | {
      kind: 'open';
      round: InputRound;
      person: Person;
      /** The partner the contact answers for, or in a round of people the person. */
      respondentId: string;
      proof: string;
      current?: InputAnswer;
    };

async function resolveInputLink(deps: InputRoundDeps, token: string) {
  const keys = await deps.linkKeys();
  const v = verifyLink(keys, token, Math.floor(deps.now().getTime() / 1000));
  if (!v.ok || v.claims.typ !== 'input') return null;
  const [round, person] = await Promise.all([deps.inputs.get(v.claims.sub), deps.directory.getPerson(v.claims.pid)]);
  if (!round || !person) return null;
  const respondent = await respondentFor(deps, round, person.id);
  return respondent ? { round, person, respondentId: respondent.id, keys } : null;
}

export async function openInputLink(deps: InputRoundDeps, token: string): Promise<InputLinkView> {
  const r = await resolveInputLink(deps, token);
  if (!r) return { kind: 'invalid' };
  if (r.round.status !== 'open' || deps.now().getTime() >= Date.parse(r.round.deadline))
    return { kind: 'closed', round: r.round, person: r.person };
  const proof = formProof(
    r.keys,
    `${token}|${r.round.answers[r.respondentId]?.at ?? 'none'}`,
    Math.floor(deps.now().getTime() / 1000),
  );
  return {
    kind: 'open',
    round: r.round,
    person: r.person,
    respondentId: r.respondentId,
    proof,
    current: r.round.answers[r.respondentId],
  };
}

export type InputFormResult =
  | InputLinkView
  | {
      kind: 'form-error';
      view: Extract<InputLinkView, { kind: 'open' }>;
      errors: Record<string, string>;
      /** What was written, shown again so nobody types it twice. */
      text?: string;
    }
  | { kind: 'recorded'; round: InputRound; person: Person };

export async function submitInput(
  deps: InputRoundDeps,
  token: string,
  form: Record<string, string | undefined>,
): Promise<InputFormResult> {
  const view = await openInputLink(deps, token);
  if (view.kind !== 'open') return view;
  const keys = await deps.linkKeys();
  // Bound to the answer the page showed: a form from before a newer answer cannot undo it.
  if (
    !form.proof ||
    checkFormProof(
      keys,
      `${token}|${view.round.answers[view.respondentId]?.at ?? 'none'}`,
      form.proof,
      Math.floor(deps.now().getTime() / 1000),
      FORM_MAX_AGE_SECONDS,
    ) === null
  ) {
    return { kind: 'form-error', view, errors: { proof: 'expired-form' }, text: form.text?.slice(0, 2000) };
  }
  // A person answers with a text only; their page has no choice to make.
  const kind = (asksPeople(view.round) ? 'answered' : form.kind) as InputAnswerKind;
  if (!asksPeople(view.round) && !['delivered', 'will-deliver', 'not-applicable'].includes(kind))
    return { kind: 'form-error', view, errors: { kind: 'choose' } };
  // A date from the form means the end of that working day, Amsterdam time.
  const day = wallClock(form.date ?? '', 17);
  const date = isValid(day) ? utcIso(day) : undefined;
  if (kind === 'will-deliver' && date && !withinDays(date, deps.now(), HORIZON_DAYS.promisedDate)) {
    return { kind: 'form-error', view, errors: { date: 'date-too-far' } };
  }
  let changed;
  try {
    changed = await mutateInput(deps, view.round.id, (r) =>
      recordInput(
        r,
        view.respondentId,
        { kind, text: (form.text ?? '').slice(0, 2000), url: (form.url ?? '').slice(0, 500), date, by: view.person.id },
        deps.now(),
      ),
    );
  } catch (err) {
    if (!(err instanceof InputRejected)) throw err;
    if (err.reason === 'closed' || err.reason === 'not-asked')
      return { kind: 'closed', round: view.round, person: view.person };
    const field = {
      'text-or-link-required': 'text',
      'text-required': 'text',
      'date-required': 'date',
      'link-invalid': 'url',
    }[err.reason];
    return { kind: 'form-error', view, errors: { [field]: err.reason } };
  }
  const after = changed!.after;
  try {
    await deps.inputs.appendAudit(after.id, {
      key: answeredKey(after.version),
      at: deps.now().toISOString(),
      kind: 'answered',
      actor: view.person.id,
      details: asksPeople(after) ? { personId: view.respondentId, kind } : { organisationId: view.respondentId, kind },
    });
    await sendAndRecordVia(
      deps,
      deps.inputs,
      after.id,
      inputReceiptKey(view.person.id, after.version),
      view.person,
      'receipt',
      inputReceiptMail(after, { name: view.person.name, lang: view.person.lang }, { kind }),
    );
  } catch (err) {
    // The answer is stored and counts: the person sees it confirmed. The stored answer is the
    // record that its record and receipt are owed, which the round's next step writes and sends
    // (recordUnrecordedAnswers, engine/pending-receipts.ts).
    deps.log.error("answer stored; its record or receipt follows with the round's next step", {
      inputRoundId: after.id,
      error: (err as Error).name,
    });
  }
  return { kind: 'recorded', round: after, person: view.person };
}

/**
 * The partner an input-round link answers for, for what goes with the answer (a delivered file):
 * only in a round of partners, for a valid link; `open` while the round still takes answers.
 */
export async function partnerOfLink(deps: InputRoundDeps, token: string) {
  const r = await resolveInputLink(deps, token);
  if (!r || asksPeople(r.round)) return null;
  const open = r.round.status === 'open' && deps.now().getTime() < Date.parse(r.round.deadline);
  return { round: r.round, person: r.person, organisationId: r.respondentId, open };
}
