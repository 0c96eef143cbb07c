/**
 * The pages behind a meeting link. One link per person and meeting, with a role: a member sends
 * agenda items (or "nothing this month" for their theme group), says they cannot come, and may
 * object to the draft minutes; the secretary writes the minutes; the chair places late items and
 * decides on objections. GET shows; only a POST with a fresh form proof changes anything.
 */
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Organisation, Person } from '../../engine/directory';
import { checkFormProof, formProof, verifyLink } from '../../platform/link-token';
import {
  agendaOf,
  attend,
  chairDecides,
  decideLateItem,
  decline,
  MeetingRejected,
  nothingThisMonth,
  object,
  submitItem,
  submitMinutes,
  type Ask,
  type Meeting,
  type MinutesActionItem,
} from './meeting';
import { itemReceiptMail, lateItemMail } from './views';
import { ZONE } from '../../platform/time';
import { sendOnceVia } from '../../engine/mail-ledger';
import { followPhase, meetingLink, mutateMeeting, queueDayBefore, themeGroupsOf, type MeetingDeps } from './use-cases';

export type MeetingRole = 'meeting' | 'minutes' | 'chair';

export interface MeetingPageView {
  kind: 'page';
  role: MeetingRole;
  meeting: Meeting;
  person: Person;
  proof: string;
  /** The theme group this member represents, if any: "nothing this month" is for them. */
  groupId?: string;
  notice?: 'thanks' | 'nothing' | 'declined' | 'attending' | 'objected' | 'minutes-sent' | 'decided';
  errors?: Record<string, string>;
  /** What was typed into a form that was refused: shown again, so nothing is lost. */
  values?: Record<string, string>;
}

export type MeetingLinkView = { kind: 'invalid' } | MeetingPageView;

const FORM_MAX_AGE_SECONDS = 12 * 3600;
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
/** Bound to the phase the page showed: a form from the agenda phase cannot be posted in the review. */
const proofSubject = (token: string, m: Meeting) => `${token}|${m.phase}`;

async function resolve(deps: MeetingDeps, token: string) {
  const keys = await deps.linkKeys();
  const v = verifyLink(keys, token, seconds(deps.now()));
  if (!v.ok || !['meeting', 'minutes', 'chair'].includes(v.claims.typ)) return null;
  const [meeting, person] = await Promise.all([
    deps.meetings.get(v.claims.sub),
    deps.directory.getPerson(v.claims.pid),
  ]);
  if (!meeting || !person?.active) return null;
  const role = v.claims.typ as MeetingRole;
  // The link's role must still be the person's: a new secretary or chair gets their own link.
  if ((role === 'minutes' && meeting.secretaryId !== person.id) || (role === 'chair' && meeting.chairId !== person.id))
    return null;
  const groupId = (await themeGroupsOf(deps, meeting)).find((g) => g.representatives.includes(person.id))?.groupId;
  return { keys, meeting, person, role, groupId };
}

export async function openMeetingLink(
  deps: MeetingDeps,
  token: string,
  extra: Partial<MeetingPageView> = {},
): Promise<MeetingLinkView> {
  const r = await resolve(deps, token);
  if (!r) return { kind: 'invalid' };
  return {
    kind: 'page',
    role: r.role,
    meeting: r.meeting,
    person: r.person,
    groupId: r.groupId,
    proof: formProof(r.keys, proofSubject(token, r.meeting), seconds(deps.now())),
    ...extra,
  };
}

const ASKS: Ask[] = ['inform', 'discuss', 'decide'];

/** Who may own an action item from these minutes: the body's and its theme groups' people, and partners with a contact. */
export async function possibleOwners(
  deps: MeetingDeps,
  m: Meeting,
): Promise<{ people: Person[]; orgs: Organisation[] }> {
  const body = await deps.directory.getBody(m.bodyId);
  const groups = await Promise.all((await themeGroupsOf(deps, m)).map((g) => deps.directory.getBody(g.groupId)));
  const ids = [...(body?.members ?? []), ...groups.flatMap((g) => g?.members ?? [])].map((x) => x.personId);
  const [people, orgs] = await Promise.all([deps.directory.getPeople(ids), deps.directory.listOrganisations()]);
  return {
    people: people.filter((p) => p.active),
    orgs: orgs.filter((o) => o.active !== false && o.contactIds.length > 0),
  };
}

/** The minutes form: a summary per agenda line, the decisions, and action item rows. */
function minutesFrom(
  m: Meeting,
  form: Record<string, string | undefined>,
  by: string,
  now: Date,
  owners: { people: Person[]; orgs: Organisation[] },
): { minutes: Parameters<typeof submitMinutes>[1]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const summaries = Object.fromEntries(agendaOf(m).map((l) => [l.id, (form[`summary.${l.id}`] ?? '').slice(0, 3000)]));
  const actionItems: MinutesActionItem[] = [];
  for (let i = 0; i < 20; i++) {
    const what = (form[`a${i}.what`] ?? '').trim();
    if (!what) continue;
    const [kind, id] = (form[`a${i}.owner`] ?? '').split(':');
    const day = /^\d{4}-\d{2}-\d{2}$/.test(form[`a${i}.due`] ?? '')
      ? DateTime.fromISO(form[`a${i}.due`]!, { zone: ZONE }).set({ hour: 17 })
      : null;
    const known =
      kind === 'org'
        ? owners.orgs.some((o) => o.id === id)
        : kind === 'person' && owners.people.some((p) => p.id === id);
    if (!known) errors[`a${i}.owner`] = 'owner';
    // After the review: by then the item is made and followed up.
    // And within an action item's horizon, so that the item can still be made when the minutes are published.
    if (
      !day?.isValid ||
      day.toMillis() <= now.getTime() + (m.leadTimes.reviewDays + 1) * 86400_000 ||
      !withinDays(day.toUTC().toISO()!, now, HORIZON_DAYS.itemDue)
    )
      errors[`a${i}.due`] = 'due';
    actionItems.push({
      what: what.slice(0, 300),
      ...(kind === 'org' ? { ownerOrganisationId: id } : { ownerPersonId: id }),
      due: day?.isValid ? day.toUTC().toISO()! : '',
    });
  }
  return {
    minutes: { summaries, decisions: (form.decisions ?? '').slice(0, 5000), actionItems, by, at: now.toISOString() },
    errors,
  };
}

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
      case 'item': {
        const ask = (ASKS as string[]).includes(form.ask ?? '') ? (form.ask as Ask) : 'discuss';
        const id = `i-${randomUUID()}`;
        const changed = await mutateMeeting(deps, meeting.id, (m) =>
          submitItem(
            m,
            {
              id,
              title: (form.title ?? '').slice(0, 200),
              explanation: (form.explanation ?? '').slice(0, 2000),
              broughtBy: (form.broughtBy ?? person.name).slice(0, 120) || person.name,
              ask,
              submittedBy: person.id,
              groupId: r.groupId,
            },
            now,
          ),
        );
        const item = changed!.after.items.find((i) => i.id === id);
        // Only a new item (a double click keeps the first): a receipt saying what happens with it now.
        if (item) {
          const after = changed!.after;
          await sendOnceVia(deps, deps.meetings, meeting.id, `item-receipt:${item.id}`, person, 'receipt', async () =>
            itemReceiptMail(
              after,
              { name: person.name, lang: person.lang },
              await meetingLink(deps, after, person.id, 'meeting'),
              item,
            ),
          );
        }
        if (item?.late) await tellChairOfLateItem(deps, changed!.after, item.id, item.title, person.name);
        return view({ notice: 'thanks' });
      }
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
        // The workflow waits for the review's end; the draft goes to the members now (keyed, so the workflow sends it once).
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

async function tellChairOfLateItem(
  deps: MeetingDeps,
  m: Meeting,
  itemId: string,
  title: string,
  who: string,
): Promise<void> {
  const chair = await deps.directory.getPerson(m.chairId);
  if (!chair) return;
  await sendOnceVia(deps, deps.meetings, m.id, `late:${itemId}`, chair, 'notice', async () =>
    lateItemMail(m, { name: chair.name, lang: chair.lang }, await meetingLink(deps, m, chair.id, 'chair'), title, who),
  );
}
