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
  workflow: { resume(token: string, output: Record<string, unknown>): Promise<unknown> },
  id: string,
  token: string,
  version: number,
  wakeAt: string,
): Promise<void> {
  if (!(await store.park(id, token, version, wakeAt))) await workflow.resume(token, { reason: 'changed-before-wait' });
}

/**
 * AWS ends a Standard execution after one year and at 25,000 history events, whatever it waits for.
 * A loop that can run longer continues as a new execution well before either: after this many days
 * from its own start…
 */
export const CONTINUE_AFTER_DAYS = 300;
/**
 * …or after this many rounds of its loop. A round (advance, choice, wait, count) writes about 15
 * events, about 60 when every retry of a step is used, so 300 rounds stay far under 25,000.
 */
export const MAX_LOOP_ROUNDS = 300;

/** What the state machine tells its Advance step about the execution it runs in. */
export interface LoopFacts {
  startedAt: string;
  rounds: number;
}

/**
 * The plan within the execution's limits: a loop that is old or long enough continues as new (the
 * document in the table carries everything, so the next execution just goes on from it); otherwise
 * it never waits past the moment it should continue, so every wait is far within a year.
 */
export function withinLimits(plan: WaitPlan, loop: LoopFacts, now: Date): WaitPlan & { continueAsNew: boolean } {
  const limit = Date.parse(loop.startedAt) + CONTINUE_AFTER_DAYS * 86400_000;
  if (plan.closed) return { ...plan, continueAsNew: false };
  if (now.getTime() >= limit || loop.rounds >= MAX_LOOP_ROUNDS) return { ...plan, continueAsNew: true };
  if (Date.parse(plan.wakeAt) <= limit) return { ...plan, continueAsNew: false };
  return { ...waitPlan(false, new Date(limit).toISOString(), plan.version, now), continueAsNew: false };
}

/**
 * The name of the execution that continues `current` for document `id`: `<id>--2`, `<id>--3`, …;
 * one started by a watchdog (`<id>--r<day>`) continues as `<id>--r<day>--2`. Unique, and traceable to the document.
 */
export function nextExecutionName(id: string, current: string): string {
  const m = /^(.*)--(\d+)$/.exec(current);
  const generation = m && (m[1] === id || m[1].startsWith(`${id}--r`)) ? Number(m[2]) : 1;
  const base = generation > 1 ? m![1] : current;
  return `${base}--${generation + 1}`;
}

/** The name of an execution a watchdog starts for a document whose workflow stopped: one per day. */
export function restartExecutionName(id: string, now: Date): string {
  return `${id}--r${now.toISOString().slice(0, 10).replaceAll('-', '')}`;
}
