/** The shipped templates and a SPUK plan for the board meeting of 24 September 2026, shared by the cycle tests. */
import { CycleRefused, type CyclePlan, loadTemplates, planCycle } from '../../../functions/flows/cycle';

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

/** The phase with this key. */
export const phase = (plan: CyclePlan, key: string) => plan.phases.find((p) => p.key === key)!;

/** The refusal's Dutch and English field messages, or a failure when there is none. */
export function refused(fn: () => unknown): { nl: Record<string, string>; en: Record<string, string> } {
  try {
    fn();
  } catch (err) {
    if (err instanceof CycleRefused) return { nl: err.fields, en: err.en };
    throw err;
  }
  throw new Error('expected a refusal');
}
