/** One meeting of the kerngroep in January 2027, in its agenda phase: the start of the meeting tests. */
import type { Meeting } from '../../../functions/flows/meeting/meeting';
import { DEFAULT_LEAD_TIMES } from '../../../functions/flows/meeting/series';

export const base: Meeting = {
  id: 's--2027-01-12',
  seriesId: 's',
  key: '2027-01-12',
  bodyId: 'kerngroep',
  title: 'Kerngroep',
  start: '2027-01-12T18:00:00.000Z',
  end: '2027-01-12T20:00:00.000Z',
  chairId: 'chair',
  secretaryId: 'sec',
  leadTimes: DEFAULT_LEAD_TIMES,
  status: 'open',
  phase: 'agenda',
  items: [],
  nothingFrom: [],
  declined: [],
  sequence: 0,
  objections: [],
  actionsDone: [],
  createdAt: '2026-12-01T00:00:00.000Z',
  version: 1,
};
