/**
 * The meeting cycle's documents and what its use cases are given: the meetings and series (versioned
 * documents), the follow-up flow for the minutes' action items, and the workflow that waits per meeting.
 */
import { NotFoundError } from '../../platform/errors';
import type { FollowUpDeps } from '../follow-up';
import type { VersionedDocs } from '../../engine/ports';
import { mutateVersioned } from '../../engine/versioned-write';
import type { Meeting } from './meeting';
import type { MeetingSeries } from './series';

export type MeetingStore = VersionedDocs<Meeting, Meeting['status']>;
export type SeriesStore = VersionedDocs<MeetingSeries, MeetingSeries['status']>;

export interface MeetingDeps extends Omit<FollowUpDeps, 'items' | 'workflow'> {
  meetings: MeetingStore;
  series: SeriesStore;
  workflow: {
    startMeeting(meetingId: string, name?: string): Promise<void>;
    resume(token: string, output: Record<string, unknown>): Promise<boolean | void>;
  };
  followUps: FollowUpDeps;
}

export async function loadSeries(deps: MeetingDeps, id: string): Promise<MeetingSeries> {
  const s = await deps.series.get(id);
  if (!s) throw new NotFoundError('meeting series', id);
  return s;
}

export async function loadMeeting(deps: Pick<MeetingDeps, 'meetings'>, id: string): Promise<Meeting> {
  const m = await deps.meetings.get(id);
  if (!m) throw new NotFoundError('meeting', id);
  return m;
}

export function mutateMeeting(
  deps: Pick<MeetingDeps, 'meetings'>,
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

export function mutateSeries(deps: MeetingDeps, id: string, change: (s: MeetingSeries) => MeetingSeries | null) {
  return mutateVersioned(
    { load: (x) => loadSeries(deps, x), save: (n, v, o) => deps.series.save(n, v, o) },
    id,
    change,
    { maxAttempts: 30 },
  );
}
