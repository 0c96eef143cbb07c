/**
 * A POST from an item's page: the owner's answer (done, more time, not mine, stuck) or the project
 * leader's decision on a later date. Written as one versioned change that resumes the workflow once.
 */
import { isValid } from 'date-fns/isValid';
import { AnswerRejected, applyOwnerAnswer, decideExtension, type OwnerAnswer } from './answers';
import type { ActionItem, UntoldAnswer } from './follow-up';
import { type FollowUpDeps, mutateItem } from './items';
import { type FollowUpLinkView, openFollowUpLink, proofSubject } from './link';
import { recordAnswer, tellAnswer } from './notices';
import type { Person } from '../../engine/directory';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { checkFormProof } from '../../platform/link-token';
import { utcIso, wallClock } from '../../platform/time';

const FORM_MAX_AGE_SECONDS = 12 * 3600;

export type FollowUpFormResult =
  | FollowUpLinkView
  | { kind: 'form-error'; view: Extract<FollowUpLinkView, { kind: 'owner' }>; errors: Record<string, string> }
  | { kind: 'recorded'; item: ActionItem; person: Person };

type OpenView = Extract<FollowUpLinkView, { kind: 'owner' | 'approval' }>;
type Form = Record<string, string | undefined>;

/** The owner's page comes back with the message next to the field; the approval page has no fields. */
const refused = (view: OpenView, errors: Record<string, string>): FollowUpFormResult =>
  view.kind === 'owner' ? { kind: 'form-error', view, errors } : view;

/** The field of the owner's page that each refusal of the model is about. */
const FIELD_OF: Record<Exclude<AnswerRejected['reason'], 'closed'>, string> = {
  'result-required': 'result',
  'reason-required': 'reason',
  'date-not-later': 'due',
  'needs-required': 'needs',
};

function toAnswer(form: Form): OwnerAnswer | null {
  switch (form.answer) {
    case 'done':
      return { kind: 'done', result: form.result ?? '' };
    case 'more-time': {
      // A date from the form means the end of that working day, Amsterdam time.
      const day = wallClock(form.due ?? '', 17);
      return {
        kind: 'more-time',
        due: isValid(day) ? utcIso(day) : '1970-01-01T00:00:00Z',
        reason: form.reason ?? '',
      };
    }
    case 'not-mine':
      return { kind: 'not-mine', reason: form.reason };
    case 'blocked':
      return { kind: 'blocked', needs: form.needs ?? '' };
    default:
      return null;
  }
}

/** The form's proof: made for this link and this version of the item, and not too old. */
async function proofHolds(deps: FollowUpDeps, token: string, item: ActionItem, proof: string | undefined) {
  if (!proof) return false;
  const at = Math.floor(deps.now().getTime() / 1000);
  return checkFormProof(await deps.linkKeys(), proofSubject(token, item), proof, at, FORM_MAX_AGE_SECONDS) !== null;
}

/** The change the form asks for, or the field errors that refuse it before anything is written. */
function changeFor(view: OpenView, form: Form, now: Date): ((item: ActionItem) => ActionItem) | Record<string, string> {
  if (view.kind === 'approval') {
    return (item) => decideExtension(item, form.decision === 'approve', view.person.id, now);
  }
  const answer = toAnswer(form);
  if (!answer) return { answer: 'choose' };
  if (answer.kind === 'more-time' && !withinDays(answer.due, view.item.createdAt, HORIZON_DAYS.itemDue)) {
    return { due: 'date-too-far' };
  }
  return (item) => applyOwnerAnswer(item, answer, now);
}

/** A POST from the owner's page or the project leader's approval page. */
export async function submitFollowUpForm(deps: FollowUpDeps, token: string, form: Form): Promise<FollowUpFormResult> {
  const view = await openFollowUpLink(deps, token);
  if (view.kind === 'invalid' || view.kind === 'closed') return view;
  if (!(await proofHolds(deps, token, view.item, form.proof))) return refused(view, { proof: 'expired-form' });
  const person = view.person;
  const change = changeFor(view, form, deps.now());
  if (typeof change !== 'function') return refused(view, change);
  const kind = view.kind === 'approval' ? 'extension-decided' : 'answered';
  const approved = view.kind === 'approval' ? { approved: form.decision === 'approve' } : {};
  let changed;
  try {
    // Only the item as the page showed it: a change in between makes the answer come too late. The
    // answer goes on the item as untold in the same write, so a page that dies after it loses nothing.
    const ifUnchanged = (item: ActionItem) => {
      const next = item.version === view.item.version ? change(item) : null;
      if (!next) return null;
      const { version, status, due, result, blockedBy } = next;
      const note: UntoldAnswer = {
        kind,
        by: person.id,
        at: deps.now().toISOString(),
        ...approved,
        item: { version, status, due, result, blockedBy },
      };
      return { ...next, untold: [...(next.untold ?? []), note] };
    };
    changed = await mutateItem(deps, view.item.id, ifUnchanged, true);
  } catch (err) {
    if (!(err instanceof AnswerRejected)) throw err;
    if (err.reason === 'closed') return { kind: 'closed', item: view.item, person };
    return refused(view, { [FIELD_OF[err.reason]]: err.reason });
  }
  if (!changed) return { kind: 'closed', item: (await deps.items.get(view.item.id))!, person };
  const { after, takenToken } = changed;
  const note = after.untold!.at(-1)!;
  try {
    await recordAnswer(deps, after, note);
    // The schedule changed (or ended): the workflow must look again (and its step clears the note).
    if (takenToken) await deps.workflow.resume(takenToken, { reason: 'answered' });
    await tellAnswer(deps, after, note, person);
  } catch (err) {
    // The answer counted (it is on the item, untold): the person is told so. Its record, receipt
    // and notice follow with the workflow's next step, which tells what is left untold.
    deps.log.warn('an answer counted; its record and emails wait for the workflow', {
      itemId: after.id,
      error: (err as Error).name,
    });
  }
  return { kind: 'recorded', item: after, person };
}
