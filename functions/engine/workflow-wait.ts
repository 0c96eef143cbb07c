/**
 * What every flow's workflow step shares: the plan it hands back (closed, or when to wake), and
 * parking the task token on the document — waking the workflow at once when the document changed
 * after the plan was made. Rounds, action items, input rounds and meetings all wait this way.
 */

export interface WaitPlan {
  closed: boolean;
  wakeAt: string;
  waitSeconds: number;
  version: number;
}

export function waitPlan(closed: boolean, wakeAt: string, version: number, now: Date): WaitPlan {
  // Step Functions wants whole seconds, at least one.
  return { closed, wakeAt, waitSeconds: Math.max(1, Math.ceil((Date.parse(wakeAt) - now.getTime()) / 1000)), version };
}

export async function parkOrWake(
  store: { park(id: string, token: string, version: number, wakeAt: string): Promise<boolean> },
  workflow: { resume(token: string, output: Record<string, unknown>): Promise<void> },
  id: string,
  token: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  if (!(await store.park(id, token, version, wakeAt))) await workflow.resume(token, { reason: 'changed-before-wait' });
}
