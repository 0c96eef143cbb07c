/** The office moves or cancels one meeting of a series; calendars that have it get an update or a cancellation. */
import { addMinutes } from 'date-fns/addMinutes';
import { HORIZON_DAYS, withinDays } from '../../platform/horizons';
import { isoWithOffset, zoned } from '../../platform/time';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { cancelMeeting, moveMeeting } from './agenda';
import { MeetingRejected } from './meeting';
import { loadMeeting, loadSeries, type MeetingDeps, mutateMeeting, mutateSeries } from './meeting-docs';
import { sendInvitations } from './invitations';
import { newMeeting } from './planning';
import { meetingIdOf, occurrenceByKey } from './series';

/** Move one meeting (its series remembers, so a meeting not yet planned is planned at the new time). */
export async function moveOccurrence(
  deps: MeetingDeps,
  seriesId: string,
  key: string,
  start: string,
  location: string | undefined,
  actor: string,
  reason?: string,
): Promise<void> {
  const series = await loadSeries(deps, seriesId);
  const occurrence = occurrenceByKey(series, key);
  if (!occurrence || occurrence.status === 'cancelled') throw new NotFoundError('meeting', `${seriesId}/${key}`);
  const now = deps.now();
  if (!(Date.parse(start) > now.getTime())) throw new ValidationError({ start: 'the meeting must lie in the future' });
  if (!withinDays(start, now, HORIZON_DAYS.meetingStart)) {
    throw new ValidationError({ start: `the meeting must lie within ${HORIZON_DAYS.meetingStart} days` });
  }
  const end = isoWithOffset(addMinutes(zoned(start), series.durationMinutes));
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
    details: { key, start, ...(reason ? { reason } : {}) },
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
