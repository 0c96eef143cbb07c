/**
 * Use cases of the meeting cycle: define a series, plan its meetings (the daily planner starts
 * one workflow per coming meeting), let time act on a meeting (call for agenda items, reminder,
 * agenda and invitation, day-before reminder, minutes, review), move or cancel one, and publish
 * adopted minutes with their action items. The same patterns as the other flows: versioned
 * writes, one resume, each email claimed once, reminders through the person's budget.
 */
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Person } from '../../engine/directory';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { formatDateTime, ZONE } from '../../platform/time';
import { signLink } from '../../platform/link-token';
import {
  agendaDeadlineOf,
  cancelMeeting,
  closeReview,
  meetingSchedule,
  MeetingRejected,
  moveMeeting,
  settleActionDates,
  type Meeting,
  type MeetingAction,
} from './meeting';
import { meetingIcs, meetingPageNote, meetingUid } from './ics';
import {
  checkRule,
  DEFAULT_LEAD_TIMES,
  meetingIdOf,
  occurrenceByKey,
  occurrences,
  type LeadTimes,
  type MeetingSeries,
} from './series';
import {
  abandonedMail,
  callMail,
  chairReviewMail,
  invitationMail,
  minutesMissingMail,
  minutesRequestMail,
  publishedMail,
  reviewMail,
} from './views';
import { publicMinutesLines } from '../public-page';
import { createFollowUp, type FollowUpDeps } from '../follow-up';
import { queueOnceVia, sendOnceVia } from '../../engine/mail-ledger';
import type { VersionedDocs } from '../../engine/ports';
import { mutateVersioned } from '../../engine/versioned-write';
import { parkOrWake, waitPlan, type WaitPlan } from '../../engine/workflow-wait';
import { OFFICE } from '../../engine/flow-email';

export type MeetingStore = VersionedDocs<Meeting, Meeting['status']>;
export type SeriesStore = VersionedDocs<MeetingSeries, MeetingSeries['status']>;

export interface MeetingDeps extends Omit<FollowUpDeps, 'items' | 'workflow'> {
  meetings: MeetingStore;
  series: SeriesStore;
  workflow: {
    startMeeting(meetingId: string): Promise<void>;
    resume(token: string, output: Record<string, unknown>): Promise<void>;
  };
  followUps: FollowUpDeps;
}

/** Meetings are planned this far ahead of their call for agenda items. */
const PLAN_MARGIN_DAYS = 2;
const LINK_DAYS_AFTER = 60;

async function loadSeries(deps: MeetingDeps, id: string): Promise<MeetingSeries> {
  const s = await deps.series.get(id);
  if (!s) throw new NotFoundError('meeting series', id);
  return s;
}

/** A series with its meetings of the coming half year, each with its phase once its workflow has started. */
export async function seriesWithComing(deps: MeetingDeps, id: string) {
  const series = await loadSeries(deps, id);
  const now = DateTime.fromJSDate(deps.now());
  const coming = occurrences(series, now.toISO()!, now.plus({ months: 6 }).toISO()!);
  const meetings = await Promise.all(
    coming.map(async (o) => {
      const meetingId = meetingIdOf(series.id, o.key);
      const meeting = await deps.meetings.get(meetingId);
      return { ...o, id: meetingId, phase: meeting?.phase ?? null };
    }),
  );
  return { ...series, meetings };
}

export async function loadMeeting(deps: MeetingDeps, id: string): Promise<Meeting> {
  const m = await deps.meetings.get(id);
  if (!m) throw new NotFoundError('meeting', id);
  return m;
}

export function mutateMeeting(
  deps: MeetingDeps,
  id: string,
  change: (m: Meeting) => Meeting | null,
  takeToken = false,
) {
  return mutateVersioned(
    { load: (x) => loadMeeting(deps, x), save: (n, v, o) => deps.meetings.save(n, v, o) },
    id,
    change,
    { takeToken: () => takeToken, maxAttempts: 30 },
  );
}

function mutateSeries(deps: MeetingDeps, id: string, change: (s: MeetingSeries) => MeetingSeries | null) {
  return mutateVersioned(
    { load: (x) => loadSeries(deps, x), save: (n, v, o) => deps.series.save(n, v, o) },
    id,
    change,
    { maxAttempts: 30 },
  );
}

/** What the office sends to define a series: the series' own fields, with lead times optional. */
export type CreateSeriesRequest = Pick<
  MeetingSeries,
  'bodyId' | 'title' | 'rrule' | 'startsOn' | 'startTime' | 'durationMinutes' | 'location' | 'onlineUrl'
> &
  Pick<MeetingSeries, 'chairId' | 'secretaryId'> & { leadTimes?: Partial<LeadTimes> };

export async function createSeries(deps: MeetingDeps, req: CreateSeriesRequest, actor: string): Promise<MeetingSeries> {
  const fields: Record<string, string> = {};
  const ruleProblem = checkRule(req.rrule);
  if (ruleProblem) fields.rrule = ruleProblem;
  if (!DateTime.fromISO(req.startsOn, { zone: ZONE }).isValid) fields.startsOn = 'this date does not exist';
  else if (!withinDays(req.startsOn, deps.now(), HORIZON_DAYS.seriesStart)) {
    fields.startsOn = `the series must start within ${HORIZON_DAYS.seriesStart} days`;
  }
  const body = await deps.directory.getBody(req.bodyId);
  if (!body || body.active === false) fields.bodyId = `there is no active body with id "${req.bodyId}"`;
  for (const role of ['chairId', 'secretaryId'] as const)
    if (!(await deps.directory.getPerson(req[role]))?.active) fields[role] = 'unknown or inactive person';
  const leadTimes = { ...DEFAULT_LEAD_TIMES, ...req.leadTimes };
  if (!(leadTimes.callDays > leadTimes.agendaDeadlineDays && leadTimes.agendaDeadlineDays > 1))
    fields.leadTimes =
      'the call must come before the agenda deadline, and the agenda deadline more than a day before the meeting';
  if (leadTimes.agendaReminderDays >= leadTimes.callDays - leadTimes.agendaDeadlineDays)
    fields['leadTimes.agendaReminderDays'] = 'the reminder must come after the call';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const series: MeetingSeries = {
    id: `ms-${randomUUID()}`,
    bodyId: req.bodyId,
    title: req.title,
    rrule: req.rrule,
    startsOn: req.startsOn,
    startTime: req.startTime,
    durationMinutes: req.durationMinutes,
    location: req.location,
    onlineUrl: req.onlineUrl,
    chairId: req.chairId,
    secretaryId: req.secretaryId,
    leadTimes,
    moved: {},
    cancelled: {},
    added: [],
    status: 'active',
    createdAt: deps.now().toISOString(),
    createdBy: actor,
    version: 1,
  };
  await deps.series.create(series);
  await deps.series.appendAudit(series.id, {
    key: 'v000001:created',
    at: series.createdAt,
    kind: 'created',
    actor,
    details: { rrule: series.rrule },
  });
  await planSeries(deps, series);
  return series;
}

/** The daily planner: every active series gets a workflow for each meeting whose call is near. */
export async function planMeetings(deps: MeetingDeps): Promise<{ started: number; failed: number }> {
  let started = 0;
  let failed = 0;
  for (const series of await deps.series.list('active')) {
    // One series that cannot be planned does not hold up the others.
    try {
      started += await planSeries(deps, series);
    } catch (err) {
      failed += 1;
      deps.log.error('a meeting series could not be planned', { seriesId: series.id, error: (err as Error).message });
    }
  }
  return { started, failed };
}

async function planSeries(deps: MeetingDeps, series: MeetingSeries): Promise<number> {
  const now = deps.now();
  const horizon = DateTime.fromJSDate(now)
    .plus({ days: series.leadTimes.callDays + PLAN_MARGIN_DAYS })
    .toISO()!;
  let started = 0;
  for (const o of occurrences(series, now.toISOString(), horizon).filter((x) => x.status !== 'cancelled')) {
    const meeting = newMeeting(series, o, now);
    try {
      await deps.meetings.create(meeting);
      started += 1;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
    // Named by series and date: a planner that runs twice starts nothing twice.
    await deps.workflow.startMeeting(meeting.id);
  }
  return started;
}

export async function addMeeting(
  deps: MeetingDeps,
  seriesId: string,
  start: string,
  actor: string,
): Promise<MeetingSeries> {
  if (!(Date.parse(start) > deps.now().getTime()))
    throw new ValidationError({ start: 'the meeting must lie in the future' });
  if (!withinDays(start, deps.now(), HORIZON_DAYS.meetingStart)) {
    throw new ValidationError({ start: `the meeting must lie within ${HORIZON_DAYS.meetingStart} days` });
  }
  const iso = new Date(start).toISOString();
  const changed = await mutateSeries(deps, seriesId, (s) =>
    s.added.includes(iso) ? null : { ...s, added: [...s.added, iso], version: s.version + 1 },
  );
  const series = changed?.after ?? (await loadSeries(deps, seriesId));
  await deps.series.appendAudit(seriesId, {
    key: `v${String(series.version).padStart(6, '0')}:added`,
    at: deps.now().toISOString(),
    kind: 'added',
    actor,
    details: { start },
  });
  await planSeries(deps, series);
  return series;
}

/** Move one meeting (its series remembers, so a meeting not yet planned is planned at the new time). */
export async function moveOccurrence(
  deps: MeetingDeps,
  seriesId: string,
  key: string,
  start: string,
  location: string | undefined,
  actor: string,
): Promise<void> {
  const series = await loadSeries(deps, seriesId);
  const occurrence = occurrenceByKey(series, key);
  if (!occurrence || occurrence.status === 'cancelled') throw new NotFoundError('meeting', `${seriesId}/${key}`);
  const now = deps.now();
  if (!(Date.parse(start) > now.getTime())) throw new ValidationError({ start: 'the meeting must lie in the future' });
  if (!withinDays(start, now, HORIZON_DAYS.meetingStart)) {
    throw new ValidationError({ start: `the meeting must lie within ${HORIZON_DAYS.meetingStart} days` });
  }
  const end = DateTime.fromISO(start).plus({ minutes: series.durationMinutes }).toISO()!;
  const id = meetingIdOf(seriesId, key);
  const existing = await deps.meetings.get(id);
  if (existing && (existing.status === 'closed' || (existing.phase !== 'agenda' && existing.phase !== 'invited')))
    throw new ConflictError('this meeting can no longer be moved');
  // The series first: a planner that runs meanwhile plans the meeting at its new time.
  await mutateSeries(deps, seriesId, (s) => ({
    ...s,
    moved: { ...s.moved, [key]: { start, ...(location ? { location } : {}) } },
    version: s.version + 1,
  }));
  await deps.series.appendAudit(seriesId, {
    key: `moved:${key}:${start}`,
    at: now.toISOString(),
    kind: 'moved',
    actor,
    details: { key, start },
  });
  if (!(await deps.meetings.get(id))) return;
  let changed;
  try {
    changed = await mutateMeeting(
      deps,
      id,
      (m) => {
        const next = moveMeeting(m, start, end, location, now);
        return next === m ? null : next;
      },
      true,
    );
  } catch (err) {
    if (err instanceof MeetingRejected) throw new ConflictError('this meeting can no longer be moved');
    throw err;
  }
  // The workflow plans again first (its moments moved); then calendars that have the meeting get an update.
  if (changed?.takenToken) await deps.workflow.resume(changed.takenToken, { reason: 'moved' });
  const after = changed?.after ?? (await loadMeeting(deps, id));
  if (after.phase === 'invited') await sendInvitations(deps, after, 'update');
}

/** Cancel one meeting: everyone is told, and calendars that have it remove it. */
export async function cancelOccurrence(
  deps: MeetingDeps,
  seriesId: string,
  key: string,
  reason: string,
  actor: string,
): Promise<void> {
  const series = await loadSeries(deps, seriesId);
  if (!occurrenceByKey(series, key)) throw new NotFoundError('meeting', `${seriesId}/${key}`);
  if (reason.trim().length < 3) throw new ValidationError({ reason: 'say why the meeting is cancelled' });
  const now = deps.now();
  const id = meetingIdOf(seriesId, key);
  // A meeting not planned yet is put on record as cancelled, so that everyone can be told now.
  const occurrence = occurrenceByKey(series, key)!;
  if (Date.parse(occurrence.start) <= now.getTime()) throw new ConflictError('this meeting has already been held');
  try {
    await deps.meetings.create({
      ...newMeeting(series, occurrence, now),
      status: 'closed',
      phase: 'cancelled',
      cancelReason: reason.trim(),
      sequence: 1,
    });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
  let changed;
  try {
    changed = await mutateMeeting(
      deps,
      id,
      (m) => (m.phase === 'cancelled' ? null : cancelMeeting(m, reason, now)),
      true,
    );
  } catch (err) {
    if (err instanceof MeetingRejected) throw new ConflictError('this meeting has already been held or cancelled');
    throw err;
  }
  await mutateSeries(deps, seriesId, (s) =>
    s.cancelled[key]
      ? null
      : {
          ...s,
          cancelled: { ...s.cancelled, [key]: { reason: reason.trim(), at: now.toISOString() } },
          version: s.version + 1,
        },
  );
  await deps.series.appendAudit(seriesId, {
    key: `cancelled:${key}`,
    at: now.toISOString(),
    kind: 'cancelled',
    actor,
    details: { key, reason },
  });
  if (changed?.takenToken) await deps.workflow.resume(changed.takenToken, { reason: 'cancelled' });
  await sendInvitations(deps, await loadMeeting(deps, id), 'cancel');
}

function newMeeting(
  series: MeetingSeries,
  o: { key: string; start: string; end: string; location?: string },
  now: Date,
): Meeting {
  return {
    id: meetingIdOf(series.id, o.key),
    seriesId: series.id,
    key: o.key,
    bodyId: series.bodyId,
    title: series.title,
    start: o.start,
    end: o.end,
    location: o.location,
    onlineUrl: series.onlineUrl,
    chairId: series.chairId,
    secretaryId: series.secretaryId,
    leadTimes: series.leadTimes,
    status: 'open',
    phase: 'agenda',
    items: [],
    nothingFrom: [],
    declined: [],
    sequence: 0,
    objections: [],
    actionsDone: [],
    createdAt: now.toISOString(),
    version: 1,
  };
}

// ---- who gets what ----

export async function membersOf(deps: MeetingDeps, m: Meeting): Promise<Person[]> {
  const body = await deps.directory.getBody(m.bodyId);
  return (await deps.directory.getPeople(body?.members.map((x) => x.personId) ?? [])).filter(
    (p) => p.active && p.email,
  );
}

/**
 * Who is invited: the body's members, and the series' chair and secretary even when they are not
 * members (a secretary from the programme office takes the minutes, so needs the agenda and the
 * date). Each person once, however many of these they are.
 */
export async function attendeesOf(deps: MeetingDeps, m: Meeting): Promise<Person[]> {
  const body = await deps.directory.getBody(m.bodyId);
  const ids = [...new Set([...(body?.members.map((x) => x.personId) ?? []), m.chairId, m.secretaryId])];
  return (await deps.directory.getPeople(ids)).filter((p) => p.active && p.email);
}

/** For a kerngroep: each theme group represented, with its representatives. */
export async function themeGroupsOf(
  deps: Pick<MeetingDeps, 'directory'>,
  m: Meeting,
): Promise<{ groupId: string; representatives: string[] }[]> {
  const body = await deps.directory.getBody(m.bodyId);
  if (body?.kind !== 'core-group') return [];
  const groups = new Map<string, string[]>();
  for (const member of body.members)
    if (member.representsBodyId)
      groups.set(member.representsBodyId, [...(groups.get(member.representsBodyId) ?? []), member.personId]);
  return [...groups].map(([groupId, representatives]) => ({ groupId, representatives }));
}

export async function meetingLink(
  deps: Pick<MeetingDeps, 'linkKeys' | 'settings' | 'now'>,
  m: Meeting,
  personId: string,
  typ: 'meeting' | 'minutes' | 'chair',
): Promise<string> {
  // From the meeting's end, or from now when minutes or a review come late: a link never arrives expired.
  const exp = Math.floor(Math.max(Date.parse(m.end), deps.now().getTime()) / 1000) + LINK_DAYS_AFTER * 86400;
  return `${deps.settings.publicBaseUrl}/m/${signLink(await deps.linkKeys(), { typ, sub: m.id, pid: personId, exp })}`;
}

const host = (deps: MeetingDeps) => new URL(deps.settings.publicBaseUrl).hostname;

/** Invitation (with the agenda), update or cancellation, each with its calendar file; once per sequence and person. */
export async function sendInvitations(
  deps: MeetingDeps,
  m: Meeting,
  kind: 'invite' | 'update' | 'cancel',
): Promise<void> {
  const organizer = { name: 'Programmabureau', email: deps.settings.officeEmail };
  for (const p of await attendeesOf(deps, m)) {
    // One key for an invitation and an update of the same sequence: a meeting moved after its
    // invitation gets the update, and the agenda's close at the new date sends nothing more.
    const key = `${kind === 'cancel' ? 'cancel' : 'request'}:${m.sequence}:${p.id}`;
    await sendOnceVia(deps, deps.meetings, m.id, key, p, kind === 'cancel' ? 'notice' : 'invite', async () => {
      const ics = meetingIcs({
        uid: meetingUid(m.seriesId, m.key, host(deps)),
        sequence: m.sequence,
        method: kind === 'cancel' ? 'CANCEL' : 'REQUEST',
        start: m.start,
        end: m.end,
        title: m.title,
        description:
          kind === 'cancel'
            ? (m.cancelReason ?? '')
            : meetingPageNote(p.lang, await meetingLink(deps, m, p.id, 'meeting')),
        location: m.location,
        url: m.onlineUrl,
        organizer,
        attendee: { name: p.name, email: p.email },
        stamp: deps.now().toISOString(),
      });
      return invitationMail(m, { name: p.name, lang: p.lang }, await meetingLink(deps, m, p.id, 'meeting'), kind, ics);
    });
  }
}

// ---- the workflow's steps ----

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
        await queue(
          secretary,
          'minutes',
          DateTime.fromISO(m.sentBackAt ?? m.end)
            .plus({ days: 2 * m.leadTimes.minutesDays })
            .toISO()!,
        );
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

/**
 * What the meeting's phase asks for, whoever changed it (a page or a moment): the review to the
 * members, the chair's decision, the secretary's second round, the publication. Each is keyed to
 * its round, so a repeated step sends nothing twice.
 */
export async function followPhase(deps: MeetingDeps, m: Meeting): Promise<void> {
  if (m.phase === 'review') await sendReview(deps, m);
  if (m.phase === 'chair-review') {
    const chair = await deps.directory.getPerson(m.chairId);
    if (chair)
      await sendOnceVia(deps, deps.meetings, m.id, `chair-review:${m.reviewEndsAt}`, chair, 'notice', async () =>
        chairReviewMail(m, { name: chair.name, lang: chair.lang }, await meetingLink(deps, m, chair.id, 'chair')),
      );
  }
  if (m.phase === 'minutes' && m.minutesRound) {
    const secretary = await deps.directory.getPerson(m.secretaryId);
    if (secretary)
      await sendOnceVia(deps, deps.meetings, m.id, `minutes-again:${m.minutesRound}`, secretary, 'notice', async () =>
        minutesRequestMail(
          m,
          { name: secretary.name, lang: secretary.lang },
          await meetingLink(deps, m, secretary.id, 'minutes'),
          false,
        ),
      );
  }
  if (m.phase === 'adopted') await publish(deps, m);
}

/** The draft went to review: every member may object. */
export async function sendReview(deps: MeetingDeps, m: Meeting): Promise<void> {
  for (const p of await membersOf(deps, m))
    await sendOnceVia(deps, deps.meetings, m.id, `review:${m.reviewEndsAt}:${p.id}`, p, 'notice', async () =>
      reviewMail(m, { name: p.name, lang: p.lang }, await meetingLink(deps, m, p.id, 'meeting')),
    );
}

/**
 * Terugkoppeling: the public minutes to the body's members and, for a kerngroep, to every member
 * of the theme groups; each action item becomes a tracked follow-up. Safe to repeat.
 */
async function publish(deps: MeetingDeps, adopted: Meeting): Promise<void> {
  // Dates settled first, so that the emails, the public page and the action items all say the same.
  const settled = await mutateMeeting(deps, adopted.id, (x) => {
    const next = settleActionDates(x);
    return next === x ? null : next;
  });
  // Settled already (by the page or the workflow, whichever came first): the same dates, worked out again.
  const m = settled?.after ?? settleActionDates(adopted);
  const [people, orgs] = await Promise.all([deps.directory.listPeople(), deps.directory.listOrganisations()]);
  const groups = await themeGroupsOf(deps, m);
  const groupMembers = (await Promise.all(groups.map((g) => deps.directory.getBody(g.groupId)))).flatMap(
    (b) => b?.members.map((x) => x.personId) ?? [],
  );
  // The body's and its theme groups' members, and residents who asked for this body's minutes.
  const subscribers = people.filter((p) => p.subscribedBodyIds?.includes(m.bodyId)).map((p) => p.id);
  const readers = (
    await deps.directory.getPeople([...(await membersOf(deps, m)).map((p) => p.id), ...groupMembers, ...subscribers])
  ).filter((p) => p.active && p.email);
  const url = `${deps.settings.publicBaseUrl}/p/${m.bodyId}`;
  for (const p of readers) {
    await sendOnceVia(deps, deps.meetings, m.id, `published:${p.id}`, p, 'notice', async () =>
      publishedMail(m, { name: p.name, lang: p.lang }, url, publicMinutesLines(m, people, orgs, p.lang)),
    );
  }
  for (const [i, a] of (m.minutes?.actionItems ?? []).entries()) {
    // A fixed id per action item: a repeated step finds it made (and its workflow started) instead of making another.
    const id = `f-${m.id}-a${i}`;
    // A date moved at the adoption (see settleActionDates) is on the item's record, with the reason.
    const at = m.adoptedAt ?? deps.now().toISOString();
    const history = a.dueInMinutes
      ? [{ from: a.dueInMinutes, to: a.due, at, reason: movedReason(a.dueInMinutes) }]
      : [];
    try {
      await createFollowUp(
        deps.followUps,
        {
          what: a.what,
          origin: { kind: 'meeting', ref: m.id },
          ownerPersonId: a.ownerPersonId,
          ownerOrganisationId: a.ownerOrganisationId,
          due: a.due,
          bodyId: m.bodyId,
        },
        'system',
        id,
        history,
      );
    } catch (err) {
      if (err instanceof ConflictError) await deps.followUps.workflow.startFollowUp(id);
      else if (err instanceof ValidationError) {
        // The owner left meanwhile: on record, and the office sees it in the meeting's timeline.
        await deps.meetings.appendAudit(m.id, {
          key: `action-failed:${i}`,
          at: deps.now().toISOString(),
          kind: 'action-item-failed',
          actor: 'system',
          details: { what: a.what, fields: err.fields },
        });
        continue;
      } else throw err;
    }
    await deps.meetings.appendAudit(m.id, {
      key: `action:${i}`,
      at: deps.now().toISOString(),
      kind: 'action-item',
      actor: 'system',
      details: { followUp: id },
    });
  }
}

const movedReason = (from: string) =>
  `In het verslag stond ${formatDateTime(from, 'nl')}. ` +
  'Die datum was al voorbij of te dichtbij toen het verslag werd vastgesteld.';

/**
 * The daily safety net (run by the planner): an open meeting whose next moment passed more than an
 * hour ago has its waiting workflow woken, or, when no workflow waits (it failed), is advanced here.
 */
export async function watchMeetings(deps: MeetingDeps): Promise<{ woken: number }> {
  const now = deps.now().getTime();
  let woken = 0;
  for (const m of await deps.meetings.list('open')) {
    const next = meetingSchedule(m).find((a) => !m.actionsDone.includes(a.key));
    if (!next || Date.parse(next.at) + 3600_000 > now) continue;
    deps.log.warn('meeting past its next moment; waking its workflow', { meetingId: m.id, action: next.key });
    woken += 1;
    // One meeting that fails does not keep the others from being looked at.
    try {
      // Same document and version: the write only takes the stored token, so one waker resumes.
      const res = await deps.meetings.save(m, m.version, { takeToken: true });
      if (res.ok && res.takenToken) await deps.workflow.resume(res.takenToken, { reason: 'watchdog' });
      else await advanceMeeting(deps, m.id);
    } catch (err) {
      deps.log.error('a meeting could not be woken', { meetingId: m.id, error: (err as Error).message });
    }
  }
  return { woken };
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
