/** The shipped templates and a SPUK plan for the board meeting of 24 September 2026, shared by the cycle tests. */
import { loadTemplates, planCycle } from '../../../functions/flows/cycle';

export const templates = loadTemplates();
export const spukTemplate = templates.get('spuk-application')!;

/** The board meets on Thursday 24 September 2026 at 16:00 (summer time); the ministry's deadline is after the change. */
export const SPUK_ANCHORS = {
  boardMeeting: '2026-09-24T16:00:00+02:00',
  ministryDeadline: '2026-10-30T17:00:00+01:00',
};

export const spukPlan = () => planCycle(spukTemplate, SPUK_ANCHORS);

/** Start and due of every phase, by key: the shape the expected dates are written in. */
export const dates = (plan: ReturnType<typeof spukPlan>) =>
  Object.fromEntries(plan.phases.map((p) => [p.key, [p.start.at, p.due]]));
