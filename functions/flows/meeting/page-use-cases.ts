/**
 * The answers sent from a meeting's page: a member sends agenda items (or "nothing this month" for
 * their theme group), says they cannot come, and may object to the draft minutes; the secretary
 * writes the minutes; the chair places late items and decides on objections. GET shows; only a POST
 * with a fresh form proof changes anything.
 */
import { checkFormProof } from '../../platform/link-token';
import { attend, decideLateItem, decline, nothingThisMonth } from './agenda';
import { MeetingRejected } from './meeting';
import { type MeetingDeps, mutateMeeting } from './meeting-docs';
import {
  FORM_MAX_AGE_SECONDS,
  type MeetingLinkView,
  type MeetingPageView,
  type MeetingRole,
  openMeetingLink,
  proofSubject,
  resolve,
  seconds,
} from './meeting-link';
import { chairDecides, object, submitMinutes } from './minutes';
import { minutesFrom, possibleOwners } from './minutes-form';
import { sendItem } from './item-answer';
import { followPhase } from './publication';
import { queueDayBefore } from './advance';

export { type MeetingLinkView, openMeetingLink } from './meeting-link';
export { possibleOwners } from './minutes-form';

export async function submitMeetingForm(
  deps: MeetingDeps,
  token: string,
  form: Record<string, string | undefined>,
): Promise<MeetingLinkView> {
  const r = await resolve(deps, token);
  if (!r) return { kind: 'invalid' };
  const view = (extra: Partial<MeetingPageView>) => openMeetingLink(deps, token, extra);
  // A refused form comes back filled in as it was sent.
  const typed = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'proof'),
  );
  const refused = (errors: Record<string, string>) => view({ errors, values: typed });
  if (
    !form.proof ||
    checkFormProof(r.keys, proofSubject(token, r.meeting), form.proof, seconds(deps.now()), FORM_MAX_AGE_SECONDS) ===
      null
  )
    return view({ errors: { form: 'expired-form' } });
  const now = deps.now();
  const { meeting, person, role } = r;
  const allowed: Record<MeetingRole, string[]> = {
    meeting: ['item', 'nothing', 'decline', 'attend', 'object'],
    minutes: ['minutes'],
    chair: ['late', 'adopt', 'send-back', 'item', 'decline', 'attend', 'object'],
  };
  if (!allowed[role].includes(form.action ?? '')) return view({ errors: { form: 'choose' } });
  try {
    switch (form.action) {
      case 'item':
        await sendItem(deps, r, form, now);
        return view({ notice: 'thanks' });
      case 'nothing':
        if (!r.groupId) return view({ errors: { form: 'choose' } });
        await mutateMeeting(deps, meeting.id, (m) => nothingThisMonth(m, r.groupId!));
        return view({ notice: 'nothing' });
      case 'decline':
        await mutateMeeting(deps, meeting.id, (m) => decline(m, person.id, now));
        return view({ notice: 'declined' });
      case 'attend': {
        const changed = await mutateMeeting(deps, meeting.id, (m) => attend(m, person.id, now));
        // Undone after the day-before moment: their reminder was left out then, so it goes now.
        if (changed) await queueDayBefore(deps, changed.after, person);
        return view({ notice: 'attending' });
      }
      case 'object':
        await mutateMeeting(deps, meeting.id, (m) => object(m, person.id, form.reason ?? '', now));
        return view({ notice: 'objected' });
      case 'minutes': {
        const { minutes, errors } = minutesFrom(meeting, form, person.id, now, await possibleOwners(deps, meeting));
        if (Object.keys(errors).length) return refused(errors);
        const changed = await mutateMeeting(deps, meeting.id, (m) => submitMinutes(m, minutes, now), true);
        // The workflow waits for the review's end; the draft goes to the members now (keyed, so the
        // workflow sends it once).
        if (changed!.takenToken) await deps.workflow.resume(changed!.takenToken, { reason: 'minutes' });
        await followPhase(deps, changed!.after);
        return view({ notice: 'minutes-sent' });
      }
      case 'late':
        await mutateMeeting(deps, meeting.id, (m) => decideLateItem(m, form.itemId ?? '', form.decision === 'accept'));
        return view({ notice: 'decided' });
      case 'adopt':
      case 'send-back': {
        const changed = await mutateMeeting(
          deps,
          meeting.id,
          (m) => chairDecides(m, form.action === 'adopt', now),
          true,
        );
        // Adopted: the minutes are published and the workflow ends; sent back: the secretary is asked
        // again and the workflow waits for the new minutes. Keyed, so page and workflow send each once.
        if (changed!.takenToken) await deps.workflow.resume(changed!.takenToken, { reason: 'chair' });
        await followPhase(deps, changed!.after);
        return view({ notice: 'decided' });
      }
    }
  } catch (err) {
    if (!(err instanceof MeetingRejected)) throw err;
    // A form with typed text (an agenda item, the minutes, an objection) keeps it; the form proof is new.
    const withText = ['item', 'minutes', 'object'].includes(form.action ?? '');
    return withText ? refused({ form: err.reason }) : view({ errors: { form: err.reason } });
  }
  return view({ errors: { form: 'choose' } });
}
