/**
 * What the office's console reads of the meeting cycle: the series with their coming meetings, one
 * meeting of a series by its key (planned or not yet), and one meeting with its series. Reads only:
 * every change goes through the same use cases as the API (planning.ts, reschedule.ts).
 */
import { addMonths } from 'date-fns/addMonths';
import { NotFoundError } from '../../platform/errors';
import { utcIso, zoned } from '../../platform/time';
import type { Meeting } from './meeting';
import { loadMeeting, loadSeries, type MeetingDeps } from './meeting-docs';
import { seriesWithComing } from './planning';
import { meetingIdOf, type MeetingSeries, type Occurrence, occurrenceByKey, occurrences } from './series';

export interface SeriesSummary {
  series: MeetingSeries;
  /** The next meeting that takes place, if any in the coming half year. */
  next?: Occurrence;
  /** Its meetings of the coming half year, cancelled ones included. */
  coming: Occurrence[];
}

/** Every series, active ones first, each with its next meeting. */
export async function listSeries(deps: MeetingDeps): Promise<SeriesSummary[]> {
  const [active, stopped] = await Promise.all([deps.series.list('active'), deps.series.list('stopped')]);
  const now = zoned(deps.now(), 'UTC');
  const window = [utcIso(now), utcIso(addMonths(now, 6))] as const;
  return [...active, ...stopped].map((series) => {
    const coming = series.status === 'active' ? occurrences(series, ...window) : [];
    return { series, coming, next: coming.find((o) => o.status !== 'cancelled') };
  });
}

/** One meeting of a series by its key, with its record once planned (a meeting further ahead has none yet). */
export async function occurrenceOf(deps: MeetingDeps, seriesId: string, key: string) {
  const series = await loadSeries(deps, seriesId);
  const occurrence = occurrenceByKey(series, key);
  if (!occurrence) throw new NotFoundError('meeting', `${seriesId}/${key}`);
  const meeting = await deps.meetings.get(meetingIdOf(seriesId, key));
  return { series, occurrence, meeting };
}

/** A planned meeting with its series and its record of what happened. */
export async function meetingWithSeries(deps: MeetingDeps, id: string) {
  const meeting: Meeting = await loadMeeting(deps, id);
  const [series, timeline] = await Promise.all([
    loadSeries(deps, meeting.seriesId),
    deps.meetings.listAudit(meeting.id),
  ]);
  return { meeting, series, timeline };
}

/** A series with its meetings of the coming half year (each with its phase) and its record. */
export async function seriesWithRecord(deps: MeetingDeps, id: string) {
  const [series, timeline] = await Promise.all([seriesWithComing(deps, id), deps.series.listAudit(id)]);
  return { series, timeline };
}
