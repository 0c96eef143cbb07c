/**
 * The decision link: open it (never changes anything), post the form (records one answer),
 * or ask for a fresh link when it has expired.
 */
import type { Person } from '../../engine/directory';
import { checkFormProof, formProof, verifyLink, type LinkClaims } from '../../platform/link-token';
import { DecisionRejected, recordDecision, stageDeadline, type Round, type Vote } from './round';
import { receiptEmail } from './emails';
import { choicesFor, type Choice } from './rules';
import type { RoundDeps } from './ports';
import { receiptKey, sendAndRecord, sendInvitations } from './mail';
import { audit, mutateRound } from './round-access';

/**
 * Longest reason or comment. With at most MAX_APPROVERS members, every answer and the objections
 * carried to a majority stage fit in one round item (DynamoDB's limit is 400 KB).
 */
export const MAX_TEXT = 500;

/** A page rendered now may be posted back for this long. */
const FORM_MAX_AGE_SECONDS = 12 * 3600;

export type LinkView =
  | { kind: 'invalid'; reason: 'malformed' | 'bad-signature' | 'unknown-key' | 'unknown-round' }
  | { kind: 'expired'; round: Round; person: Person }
  | { kind: 'closed'; round: Round; person: Person; vote?: Vote }
  | { kind: 'open'; round: Round; person: Person; vote?: Vote; choices: Choice[]; proof: string; token: string };

interface Resolved {
  claims: LinkClaims;
  round: Round;
  person: Person;
  expired: boolean;
}

async function resolve(
  deps: RoundDeps,
  token: string,
): Promise<Resolved | { kind: 'invalid'; reason: 'malformed' | 'bad-signature' | 'unknown-key' | 'unknown-round' }> {
  const keys = await deps.linkKeys();
  const verified = verifyLink(keys, token, Math.floor(deps.now().getTime() / 1000));
  if (!verified.ok && verified.reason !== 'expired') return { kind: 'invalid', reason: verified.reason };
  const claims = verified.claims;
  if (claims.typ !== 'round') return { kind: 'invalid', reason: 'unknown-round' };
  const [round, person] = await Promise.all([deps.rounds.get(claims.sub), deps.directory.getPerson(claims.pid)]);
  if (!round || !person || !round.approverIds.includes(person.id)) return { kind: 'invalid', reason: 'unknown-round' };
  return { claims, round, person, expired: !verified.ok };
}

/**
 * The round and person a decision link opens, for what goes with the round (its documents): only
 * while the link is valid and its person is still one of the round's approvers.
 */
export async function roundOfLink(
  deps: RoundDeps,
  token: string,
): Promise<{ roundId: string; personId: string } | null> {
  const r = await resolve(deps, token);
  if ('kind' in r || r.expired) return null;
  return { roundId: r.round.id, personId: r.person.id };
}

export async function openDecisionLink(deps: RoundDeps, token: string): Promise<LinkView> {
  const r = await resolve(deps, token);
  if ('kind' in r) return r;
  const { round, person } = r;
  const vote = round.votes[person.id];
  const tooLate = deps.now().getTime() >= Date.parse(stageDeadline(round));
  if (round.status !== 'open' || tooLate) return { kind: 'closed', round, person, vote };
  if (r.expired) return { kind: 'expired', round, person };
  const keys = await deps.linkKeys();
  const proof = formProof(keys, formBinding(token, round), Math.floor(deps.now().getTime() / 1000));
  return { kind: 'open', round, person, vote, choices: choicesFor(round.rule, round.stage), proof, token };
}

/** The audit record of one answer, keyed by the round version it was recorded at (idempotent). */
function auditAnswer(deps: RoundDeps, roundId: string, personId: string, vote: Vote, stage: string) {
  return audit(deps, roundId, {
    version: vote.version!,
    kind: vote.changes > 0 ? 'changed' : 'decided',
    actor: personId,
    details: {
      choice: vote.choice,
      stage,
      ...(vote.reason ? { reason: vote.reason } : {}),
      ...(vote.comment ? { comment: vote.comment } : {}),
    },
  });
}

/** A form answers the question of one stage: after a stage change its forms are void. */
const formBinding = (token: string, round: Round) => `${token}|${round.stage}|${round.stages.length}`;

export interface DecisionForm {
  choice?: string;
  reason?: string;
  comment?: string;
  proof?: string;
}

export type DecisionResult =
  | Exclude<LinkView, { kind: 'open' }>
  | { kind: 'form-error'; view: Extract<LinkView, { kind: 'open' }>; errors: Record<string, string> }
  | { kind: 'recorded'; round: Round; person: Person; vote: Vote }
  | { kind: 'already-recorded'; round: Round; person: Person; vote: Vote };

export async function submitDecision(deps: RoundDeps, token: string, form: DecisionForm): Promise<DecisionResult> {
  const view = await openDecisionLink(deps, token);
  if (view.kind !== 'open') return view;
  const keys = await deps.linkKeys();
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const errors: Record<string, string> = {};
  const renderedAt = form.proof
    ? checkFormProof(keys, formBinding(token, view.round), form.proof, nowSeconds, FORM_MAX_AGE_SECONDS)
    : null;
  if (renderedAt === null) errors.proof = 'expired-form';
  const choice = form.choice as Choice;
  if (!view.choices.includes(choice)) errors.choice = 'choose';
  if (choice === 'object' && !form.reason?.trim()) errors.reason = 'reason-required';
  if ((form.reason ?? '').length > MAX_TEXT) errors.reason = 'too-long';
  if ((form.comment ?? '').length > MAX_TEXT) errors.comment = 'too-long';
  if (Object.keys(errors).length > 0) return { kind: 'form-error', view, errors };

  const personId = view.person.id;
  let duplicate: Vote | undefined;
  let changed;
  try {
    changed = await mutateRound(
      deps,
      view.round.id,
      (round) => {
        const previous = round.votes[personId];
        if (previous?.forms?.includes(renderedAt!) && round.stage === view.round.stage) {
          duplicate = previous;
          return null;
        }
        if (round.stage !== view.round.stage || round.stages.length !== view.round.stages.length)
          throw new DecisionRejected('choice-not-offered');
        return recordDecision(
          round,
          { approverId: personId, choice, reason: form.reason, comment: form.comment, form: renderedAt! },
          deps.now(),
        );
      },
      { takeToken: (next) => next.status !== 'open', current: view.round },
    );
  } catch (err) {
    if (!(err instanceof DecisionRejected)) throw err;
    const round = (await deps.rounds.get(view.round.id))!;
    if (err.reason === 'closed' || err.reason === 'not-an-approver')
      return { kind: 'closed', round, person: view.person, vote: round.votes[personId] };
    // The stage changed between reading the page and posting it: show the page of the new stage.
    const fresh = await openDecisionLink(deps, token);
    if (fresh.kind !== 'open') return fresh;
    return {
      kind: 'form-error',
      view: fresh,
      errors: err.reason === 'reason-required' ? { reason: 'reason-required' } : { proof: 'expired-form' },
    };
  }
  if (!changed) {
    const round = (await deps.rounds.get(view.round.id))!;
    // If the first post stored the answer but failed before its audit record, this puts it on record.
    if (duplicate?.version) await auditAnswer(deps, round.id, personId, duplicate, round.stage);
    return { kind: 'already-recorded', round, person: view.person, vote: duplicate! };
  }
  const { after, takenToken } = changed;
  const vote = after.votes[personId];
  const onRecord = async () => {
    await auditAnswer(deps, after.id, personId, vote, changed.before.stage);
    if (after.status !== 'open') {
      await audit(deps, after.id, {
        version: after.version,
        kind: 'closed',
        actor: 'system',
        details: { outcome: after.outcome, tally: after.stages.at(-1)?.tally, at: 'early' },
      });
    }
  };
  const receipt = async () => {
    try {
      // This write's version is ours alone, so the receipt needs no separate claim.
      await sendAndRecord(
        deps,
        after,
        receiptKey(personId, vote.version!),
        view.person,
        'receipt',
        receiptEmail(after, { name: view.person.name, lang: view.person.lang }, vote.choice, vote.at),
      );
    } catch (err) {
      // The decision is stored and counted; a receipt that cannot be sent must not undo that for the
      // person. The stored decision is the record that it is owed: the round's next step sends it.
      deps.log.error('receipt not sent; the next step of the round sends it', {
        roundId: after.id,
        error: (err as Error).name,
      });
    }
  };
  // Only the writer that closed the round took the token, so exactly one decision resumes the workflow.
  const resume = async () => {
    if (takenToken) await deps.workflow.resume(takenToken, { reason: 'decided' });
  };
  await Promise.all([onRecord(), receipt()]);
  // Resumed after the receipt's send, so the close it may lead to finds the receipt sent or owed,
  // never still on its way (which would send it twice).
  await resume();
  return { kind: 'recorded', round: after, person: view.person, vote };
}

/** An expired link can ask for a fresh one, which goes to the address on record, at most once a day. */
export async function requestFreshLink(deps: RoundDeps, token: string): Promise<LinkView> {
  const r = await resolve(deps, token);
  if ('kind' in r) return r;
  if (r.round.status !== 'open')
    return { kind: 'closed', round: r.round, person: r.person, vote: r.round.votes[r.person.id] };
  const day = deps.now().toISOString().slice(0, 10);
  await sendInvitations(deps, r.round, [r.person], `fresh:${day}`);
  return { kind: 'expired', round: r.round, person: r.person };
}
