/**
 * A meeting series and its meetings: define a series, add a one-off meeting, and plan (the daily
 * planner starts one workflow per coming meeting, named by series and date, so nothing starts twice).
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { isValid } from 'date-fns/isValid';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { ConflictError, KEY_REUSED_MESSAGE, ValidationError } from '../../platform/errors';
import { idForKey, requestHash } from '../../platform/keyed-create';
import { utcIso, wallClock, zoned } from '../../platform/time';
import type { Meeting } from './meeting';
import { loadSeries, type MeetingDeps, mutateSeries } from './meeting-docs';
import { checkRule, DEFAULT_LEAD_TIMES, meetingIdOf, occurrences, type LeadTimes, type MeetingSeries } from './series';

/** Meetings are planned this far ahead of their call for agenda items. */
const PLAN_MARGIN_DAYS = 2;

/** A series with its meetings of the coming half year, each with its phase once its workflow has started. */
export async function seriesWithComing(deps: MeetingDeps, id: string) {
  const series = await loadSeries(deps, id);
  const now = zoned(deps.now(), 'UTC');
  const coming = occurrences(series, utcIso(now), utcIso(addMonths(now, 6)));
  const meetings = await Promise.all(
    coming.map(async (o) => {
      const meetingId = meetingIdOf(series.id, o.key);
      const meeting = await deps.meetings.get(meetingId);
      return { ...o, id: meetingId, phase: meeting?.phase ?? null };
    }),
  );
  return { ...series, meetings };
}

/** What the office sends to define a series: the series' own fields, with lead times optional. */
export type CreateSeriesRequest = Pick<
  MeetingSeries,
  'bodyId' | 'title' | 'rrule' | 'startsOn' | 'startTime' | 'durationMinutes' | 'location' | 'onlineUrl'
> &
  Pick<MeetingSeries, 'chairId' | 'secretaryId'> & { leadTimes?: Partial<LeadTimes> };

/**
 * `idempotencyKey` (the office API): the id derives from it and the series keeps the request's hash
 * (platform/keyed-create.ts), so the request sent again after an attempt that stored the series and
 * then failed or crashed finishes that series (its record, its meetings) instead of making a second.
 */
export async function createSeries(
  deps: MeetingDeps,
  req: CreateSeriesRequest,
  actor: string,
  idempotencyKey?: string,
): Promise<MeetingSeries> {
  const id = idForKey('ms', actor, idempotencyKey);
  const hash = idempotencyKey ? requestHash(req) : undefined;
  if (idempotencyKey) {
    const existing = await deps.series.get(id);
    if (existing) {
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      await auditCreated(deps, existing);
      await planSeries(deps, existing);
      return existing;
    }
  }
  const fields: Record<string, string> = {};
  const ruleProblem = checkRule(req.rrule);
  if (ruleProblem) fields.rrule = ruleProblem;
  if (!isValid(wallClock(req.startsOn))) fields.startsOn = 'this date does not exist';
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
    id,
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
    ...(hash ? { requestHash: hash } : {}),
  };
  try {
    await deps.series.create(series);
  } catch (err) {
    // The same request twice at once: the other stored it first; finish and answer with that series.
    if (!(idempotencyKey && err instanceof ConflictError)) throw err;
    return createSeries(deps, req, actor, idempotencyKey);
  }
  await auditCreated(deps, series);
  await planSeries(deps, series);
  return series;
}

/** The creation on the series' record, keyed by its first version, so a retried create writes it once. */
const auditCreated = (deps: MeetingDeps, series: MeetingSeries) =>
  deps.series.appendAudit(series.id, {
    key: 'v000001:created',
    at: series.createdAt,
    kind: 'created',
    actor: series.createdBy,
    details: { rrule: series.rrule },
  });

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
  const horizon = utcIso(addDays(zoned(now, 'UTC'), series.leadTimes.callDays + PLAN_MARGIN_DAYS));
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

export function newMeeting(
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
