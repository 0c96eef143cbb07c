/**
 * The workflow's steps for one meeting: let time act (call for agenda items, reminder, agenda and
 * invitation, day-before reminder, minutes, review, giving up), park until the next moment, and the
 * daily safety net. Each email is claimed once; reminders go through the person's budget.
 */
import type { Person } from '../../engine/directory';
import { OFFICE } from '../../engine/flow-email';
import { queueOnceVia, sendOnceVia } from '../../engine/mail-ledger';
import { parkOrWake, waitPlan, type WaitPlan } from '../../engine/workflow-wait';
import { closeReview } from './minutes';
import { agendaDeadlineOf, type Meeting, type MeetingAction, meetingSchedule, plusDays } from './meeting';
import { loadMeeting, type MeetingDeps, mutateMeeting } from './meeting-docs';
import { followPhase } from './publication';
import { sendInvitations } from './invitations';
import { attendeesOf, meetingLink, themeGroupsOf } from './recipients';
import { abandonedMail, callMail, minutesMissingMail, minutesRequestMail } from './views';

/** Phase changes that scheduled moments make; the emails follow after the write. */
function applyAction(m: Meeting, a: MeetingAction, now: Date): Meeting {
  switch (a.kind) {
    case 'close-agenda':
      return m.phase === 'agenda' ? { ...m, phase: 'invited' } : m;
    case 'ask-minutes':
      return m.phase === 'invited' || m.phase === 'agenda' ? { ...m, phase: 'minutes' } : m;
    case 'close-review':
      return closeReview(m, now);
    case 'give-up':
      return m.phase === 'minutes' || m.phase === 'chair-review' ? { ...m, phase: 'abandoned', status: 'closed' } : m;
    default:
      return m;
  }
}

export async function advanceMeeting(deps: MeetingDeps, id: string): Promise<WaitPlan> {
  const now = deps.now();
  const changed = await mutateMeeting(deps, id, (m) => {
    const due = meetingSchedule(m).filter((a) => Date.parse(a.at) <= now.getTime() && !m.actionsDone.includes(a.key));
    if (due.length === 0) return null;
    const next = due.reduce((acc, a) => applyAction(acc, a, now), m);
    return {
      ...next,
      actionsDone: [...m.actionsDone, ...due.map((a) => a.key)],
      lastActions: due.map((a) => a.key),
      version: m.version + 1,
    };
  });
  const m = changed?.after ?? (await loadMeeting(deps, id));
  // The actions of the latest change (again after a crash: every send is claimed once).
  // Read as if still open: the actions that closed the meeting are in its latest change too.
  for (const action of meetingSchedule({ ...m, status: 'open' }).filter((a) => m.lastActions?.includes(a.key)))
    await carryOut(deps, m, action);
  await followPhase(deps, m);
  const next = meetingSchedule(m).find((a) => !m.actionsDone.includes(a.key));
  const wakeAt = next?.at ?? new Date(now.getTime() + 7 * 86400_000).toISOString();
  return waitPlan(m.status === 'closed', wakeAt, m.version, now);
}

/**
 * The day-before reminder for one person, once its moment has come (the same claim for the
 * workflow's step and for someone who undoes "I cannot come" afterwards, so it is queued once).
 */
export async function queueDayBefore(deps: MeetingDeps, m: Meeting, p: Person): Promise<void> {
  const action = meetingSchedule(m).find((a) => a.kind === 'day-before');
  if (!action || !m.actionsDone.includes(action.key) || m.phase !== 'invited') return;
  if (m.declined.includes(p.id) || !p.active || !p.email) return;
  await queueOnceVia(deps.reminders, deps.meetings, m.id, `${action.key}:${p.id}`, {
    personId: p.id,
    kind: 'meeting',
    detail: { action: 'day-before', start: m.start },
    dueAt: deps.now().toISOString(),
    deadline: m.start,
  });
}

async function carryOut(deps: MeetingDeps, m: Meeting, action: MeetingAction): Promise<void> {
  const person = async (id: string) => (await deps.directory.getPerson(id)) ?? null;
  const queue = (p: Person, what: string, deadline: string, extra: Record<string, string> = {}) =>
    p.active && p.email
      ? queueOnceVia(deps.reminders, deps.meetings, m.id, `${action.key}:${p.id}`, {
          personId: p.id,
          kind: 'meeting',
          detail: { action: what, ...extra },
          dueAt: deps.now().toISOString(),
          deadline,
        })
      : Promise.resolve(false);
  switch (action.kind) {
    case 'call':
      if (m.phase !== 'agenda') return;
      for (const p of await attendeesOf(deps, m))
        await sendOnceVia(deps, deps.meetings, m.id, `call:${p.id}`, p, 'invite', async () =>
          callMail(m, { name: p.name, lang: p.lang }, await meetingLink(deps, m, p.id, 'meeting')),
        );
      return;
    case 'agenda-reminder': {
      if (m.phase !== 'agenda') return;
      const quiet = (await themeGroupsOf(deps, m)).filter(
        (g) => !m.nothingFrom.includes(g.groupId) && !m.items.some((i) => i.groupId === g.groupId),
      );
      for (const p of await deps.directory.getPeople(quiet.flatMap((g) => g.representatives)))
        await queue(p, 'agenda', agendaDeadlineOf(m));
      return;
    }
    case 'close-agenda': {
      // The first invitation, whatever moves came before it (those had no calendar entry to update).
      // After a move its key names the new date: if the agenda had closed at an earlier date, the
      // calendars have the meeting, so this is the update (one claim with the move's own update).
      const invitedBefore = m.actionsDone.some((k) => k.startsWith('close-agenda@') && k !== action.key);
      if (m.phase === 'invited') await sendInvitations(deps, m, invitedBefore ? 'update' : 'invite');
      return;
    }
    case 'day-before':
      if (m.phase !== 'invited') return;
      for (const p of (await attendeesOf(deps, m)).filter((x) => !m.declined.includes(x.id)))
        await queueDayBefore(deps, m, p);
      return;
    case 'ask-minutes': {
      const secretary = await person(m.secretaryId);
      if (m.phase === 'minutes' && secretary)
        await sendOnceVia(deps, deps.meetings, m.id, 'ask-minutes', secretary, 'notice', async () =>
          minutesRequestMail(
            m,
            { name: secretary.name, lang: secretary.lang },
            await meetingLink(deps, m, secretary.id, 'minutes'),
            false,
          ),
        );
      return;
    }
    case 'minutes-reminder': {
      const secretary = await person(m.secretaryId);
      if (m.phase === 'minutes' && secretary)
        await queue(secretary, 'minutes', plusDays(m.sentBackAt ?? m.end, 2 * m.leadTimes.minutesDays));
      return;
    }
    case 'minutes-to-chair': {
      const [chair, secretary] = [await person(m.chairId), await person(m.secretaryId)];
      if (m.phase === 'minutes' && chair)
        await sendOnceVia(
          deps,
          deps.meetings,
          m.id,
          `minutes-to-chair#${m.minutesRound ?? 0}`,
          chair,
          'escalation',
          async () => minutesMissingMail(m, { name: chair.name, lang: chair.lang }, secretary?.name ?? ''),
        );
      return;
    }
    case 'close-review':
      return; // what follows depends on the phase: see followPhase
    case 'give-up':
      if (m.phase === 'abandoned') {
        await sendOnceVia(
          deps,
          deps.meetings,
          m.id,
          'abandoned:office',
          deps.settings.officeEmail,
          'notice',
          async () => abandonedMail(m, OFFICE),
        );
      }
      return;
  }
}

export function parkMeeting(
  deps: MeetingDeps,
  id: string,
  token: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  return parkOrWake(deps.meetings, deps.workflow, id, token, version, wakeAt);
}
