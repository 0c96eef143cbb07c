/** The timer loop's limits: when it continues as new, how far it may wait, and the names of its executions. */
import { describe, expect, it } from 'vitest';
import {
  CONTINUE_AFTER_DAYS,
  MAX_LOOP_ROUNDS,
  nextExecutionName,
  restartExecutionName,
  waitPlan,
  withinLimits,
} from '../../functions/engine/workflow-wait';

const DAY = 86400_000;
const started = '2027-01-01T00:00:00.000Z';
const at = (days: number) => new Date(Date.parse(started) + days * DAY);

describe('withinLimits', () => {
  it('never plans a wait past the moment the execution continues as new', () => {
    const now = at(10);
    const plan = withinLimits(waitPlan(false, at(400).toISOString(), 3, now), { startedAt: started, rounds: 1 }, now);
    expect(plan).toMatchObject({ continueAsNew: false, wakeAt: at(CONTINUE_AFTER_DAYS).toISOString(), version: 3 });
    expect(plan.waitSeconds).toBe((CONTINUE_AFTER_DAYS - 10) * 86400);
  });

  it('continues as new once old enough or after enough rounds, but not when the flow is closed', () => {
    const loop = (days: number, rounds: number, closed = false) =>
      withinLimits(waitPlan(closed, at(days + 7).toISOString(), 1, at(days)), { startedAt: started, rounds }, at(days))
        .continueAsNew;
    expect(loop(CONTINUE_AFTER_DAYS - 1, 5)).toBe(false);
    expect(loop(CONTINUE_AFTER_DAYS, 5)).toBe(true);
    expect(loop(10, MAX_LOOP_ROUNDS)).toBe(true);
    expect(loop(CONTINUE_AFTER_DAYS, MAX_LOOP_ROUNDS, true)).toBe(false);
  });
});

describe('execution names', () => {
  it('numbers the continuations of a document, also when its id ends like one', () => {
    expect(nextExecutionName('f-1', 'f-1')).toBe('f-1--2');
    expect(nextExecutionName('f-1', 'f-1--2')).toBe('f-1--3');
    expect(nextExecutionName('x--3', 'x--3')).toBe('x--3--2');
    expect(nextExecutionName('s--2027-01-12', 's--2027-01-12')).toBe('s--2027-01-12--2');
    const restarted = restartExecutionName('f-1', new Date('2027-03-12T10:00:00Z'));
    expect(restarted).toBe('f-1--r20270312');
    expect(nextExecutionName('f-1', restarted)).toBe('f-1--r20270312--2');
    expect(nextExecutionName('f-1', 'f-1--r20270312--2')).toBe('f-1--r20270312--3');
  });
});
