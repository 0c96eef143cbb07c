/**
 * The office changes a series' details: its name, place, online link, chair and secretary. They hold
 * for the meetings planned from now on; a meeting already planned (its call has gone out, perhaps
 * its invitation) keeps what it was sent with, and is moved on its own. The rhythm is not changed
 * here: meetings are known by the dates of the old rule, so a new rhythm is a new series.
 */
import { ConflictError, ValidationError } from '../../platform/errors';
import { loadSeries, type MeetingDeps, mutateSeries } from './meeting-docs';
import type { MeetingSeries } from './series';

export type SeriesChanges = Pick<MeetingSeries, 'title' | 'location' | 'onlineUrl' | 'chairId' | 'secretaryId'>;

const KEYS = ['title', 'location', 'onlineUrl', 'chairId', 'secretaryId'] as const;

/** `version` is the one the office saw: a series changed since is refused (409) and nothing changes. */
export async function changeSeries(
  deps: MeetingDeps,
  id: string,
  changes: SeriesChanges,
  version: number,
  actor: string,
): Promise<MeetingSeries> {
  const fields: Record<string, string> = {};
  for (const role of ['chairId', 'secretaryId'] as const)
    if (!(await deps.directory.getPerson(changes[role]))?.active) fields[role] = 'unknown or inactive person';
  if (Object.keys(fields).length) throw new ValidationError(fields);
  const changed = await mutateSeries(deps, id, (s) => {
    if (s.version !== version) throw new ConflictError('the series was changed meanwhile');
    const next: MeetingSeries = { ...s, ...changes, version: s.version + 1 };
    // An emptied place or link is gone, not kept from before.
    if (!changes.location) delete next.location;
    if (!changes.onlineUrl) delete next.onlineUrl;
    return KEYS.every((k) => s[k] === next[k]) ? null : next;
  });
  if (!changed) return loadSeries(deps, id);
  await deps.series.appendAudit(id, {
    key: `v${String(changed.after.version).padStart(6, '0')}:changed`,
    at: deps.now().toISOString(),
    kind: 'changed',
    actor,
    details: { fields: KEYS.filter((k) => changed.before[k] !== changed.after[k]) },
  });
  return changed.after;
}
