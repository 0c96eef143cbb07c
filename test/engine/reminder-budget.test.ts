import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  budgetOf,
  DEADLINE_MARGIN_MINUTES,
  DEFAULT_BUDGET,
  planReminders,
  SPREAD_MINUTES,
  spreadOf,
  type PendingReminder,
} from '../../functions/engine/reminder-budget';

const ams = (iso: string) => DateTime.fromISO(iso).setZone('Europe/Amsterdam');

describe('reminder budget', () => {
  it('combines everything due into one message', () => {
    const pending: PendingReminder[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
      id,
      dueAt: '2026-11-24T09:00:00+01:00',
      deadline: '2026-12-01T17:00:00+01:00',
    }));
    expect(planReminders('2026-11-24T09:30:00+01:00', pending)).toEqual({
      sendAt: '2026-11-24T08:30:00.000Z',
      ids: ['a', 'b', 'c', 'd', 'e'],
      forced: false,
    });
    // Queued between ticks, it is planned for the next tick on the hour.
    expect(
      planReminders(
        '2026-11-24T08:40:00+01:00',
        pending.map((r) => ({ ...r, dueAt: '2026-11-24T08:40:00+01:00' })),
      )?.sendAt,
    ).toBe('2026-11-24T08:00:00.000Z');
  });

  it('holds reminders in quiet hours and on Sundays until 08:00 on the next allowed day', () => {
    const r = [{ id: 'a', dueAt: '2026-11-28T22:00:00+01:00', deadline: '2026-12-05T17:00:00+01:00' }];
    // Saturday 22:00 → Sunday is quiet → Monday 08:00.
    expect(planReminders('2026-11-28T22:00:00+01:00', r)?.sendAt).toBe('2026-11-30T07:00:00.000Z');
  });

  it('sends at most one per day: after a reminder today, the next waits for tomorrow morning', () => {
    const r = [{ id: 'b', dueAt: '2026-11-24T15:00:00+01:00', deadline: '2026-12-05T17:00:00+01:00' }];
    expect(planReminders('2026-11-24T15:00:00+01:00', r, DEFAULT_BUDGET, '2026-11-24T09:00:00+01:00')?.sendAt).toBe(
      '2026-11-25T07:00:00.000Z',
    );
    expect(
      planReminders(
        '2026-11-24T15:00:00+01:00',
        r,
        { ...DEFAULT_BUDGET, digest: 'weekly' },
        '2026-11-24T09:00:00+01:00',
      )?.sendAt,
    ).toBe('2026-12-01T07:00:00.000Z');
  });

  it('lets a deadline win: a reminder that would be too late goes in time, forced', () => {
    // Sent one this morning; another is due at 15:00 for a deadline tonight at 20:00: it goes now-ish, not tomorrow.
    const r = [{ id: 'c', dueAt: '2026-11-24T15:00:00+01:00', deadline: '2026-11-24T20:00:00+01:00' }];
    const plan = planReminders('2026-11-24T15:00:00+01:00', r, DEFAULT_BUDGET, '2026-11-24T09:00:00+01:00')!;
    expect(plan.forced).toBe(true);
    expect(Date.parse(plan.sendAt)).toBeLessThan(Date.parse('2026-11-24T20:00:00+01:00'));
    expect(Date.parse(plan.sendAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T15:00:00+01:00'));
  });

  it('forces on a whole hour outside quiet hours, the last that keeps the margin before 21:00', () => {
    // Sent one on Friday; a reminder due Friday 19:30 for Saturday 07:00 cannot wait for Saturday 08:00.
    const r = [{ id: 'f', dueAt: '2026-11-27T19:30:00+01:00', deadline: '2026-11-28T07:00:00+01:00' }];
    const plan = planReminders('2026-11-27T19:30:00+01:00', r, DEFAULT_BUDGET, '2026-11-27T09:00:00+01:00')!;
    expect(plan).toMatchObject({ forced: true, sendAt: '2026-11-27T19:00:00.000Z' });
    // Planned again at the 20:00 tick it is the same moment, so that tick sends it.
    expect(planReminders('2026-11-27T20:00:00+01:00', r, DEFAULT_BUDGET, '2026-11-27T09:00:00+01:00')!.sendAt).toBe(
      '2026-11-27T19:00:00.000Z',
    );
    // Deadline Monday 08:45, queued Saturday 20:30 after that day's message: Sunday is quiet and no
    // hour keeps the margin, so it goes at the first allowed moment before the deadline, Monday 08:00.
    const monday = [{ id: 'g', dueAt: '2026-11-28T20:30:00+01:00', deadline: '2026-11-30T08:45:00+01:00' }];
    expect(
      planReminders('2026-11-28T20:30:00+01:00', monday, DEFAULT_BUDGET, '2026-11-28T09:00:00+01:00')!.sendAt,
    ).toBe('2026-11-30T07:00:00.000Z');
  });

  it("spreads people's messages over the first quarter past the hour, each at a moment of their own", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `bench-rem-${i}`);
    const spreads = ids.map(spreadOf);
    expect(ids.map(spreadOf)).toEqual(spreads);
    expect(spreads.every((s) => Number.isInteger(s) && s >= 0 && s < SPREAD_MINUTES * 60)).toBe(true);
    // About a thousand people due at 08:00: never more than a few in the same second, and every minute of
    // the quarter has its share (no herd left at the start or anywhere else).
    const perSecond = new Map<number, number>();
    for (const s of spreads) perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(6);
    for (let minute = 0; minute < SPREAD_MINUTES; minute++)
      expect(spreads.filter((s) => Math.floor(s / 60) === minute).length).toBeGreaterThan(30);

    // Held back in quiet hours, the message goes at the person's own moment past 08:00.
    const r = [{ id: 'a', dueAt: '2026-11-24T02:00:00+01:00', deadline: '2026-11-26T17:00:00+01:00' }];
    const ruben = budgetOf({ id: 'p-ruben-kok' });
    expect(ruben.spreadSeconds).toBe(spreadOf('p-ruben-kok'));
    const plan = planReminders('2026-11-24T02:00:00+01:00', r, ruben)!;
    expect(Date.parse(plan.sendAt)).toBe(Date.parse('2026-11-24T08:00:00+01:00') + spreadOf('p-ruben-kok') * 1000);
    expect(plan.forced).toBe(false);
  });

  it('waits for the moment past the hour only within the hour a message became due in', () => {
    const spread = { ...DEFAULT_BUDGET, spreadSeconds: 420 };
    const r = [{ id: 'a', dueAt: '2026-11-24T10:00:00+01:00', deadline: '2026-11-26T17:00:00+01:00' }];
    // A round's flow queues for all its approvers at 10:00:05: each waits for their own moment.
    expect(planReminders('2026-11-24T10:00:05+01:00', r, spread)?.sendAt).toBe('2026-11-24T09:07:00.000Z');
    // At that moment it is due, and stays due: the digest sends.
    expect(planReminders('2026-11-24T10:07:00+01:00', r, spread)?.sendAt).toBe('2026-11-24T09:07:00.000Z');
    // A schedule that fired late (past the hour, even) sends at once rather than wait for 11:07.
    expect(planReminders('2026-11-24T11:02:00+01:00', r, spread)?.sendAt).toBe('2026-11-24T10:02:00.000Z');
    // Tomorrow's message, after today's, goes at the person's moment past 08:00.
    expect(planReminders('2026-11-24T10:07:00+01:00', r, spread, '2026-11-24T09:07:00+01:00')?.sendAt).toBe(
      '2026-11-25T07:07:00.000Z',
    );
  });

  it('forces a message for its deadline at the hour itself: deadlines win over the spread', () => {
    const spread = { ...DEFAULT_BUDGET, spreadSeconds: 840 };
    const r = [{ id: 'f', dueAt: '2026-11-27T19:30:00+01:00', deadline: '2026-11-28T07:00:00+01:00' }];
    expect(planReminders('2026-11-27T19:30:00+01:00', r, spread, '2026-11-27T09:00:00+01:00')).toMatchObject({
      forced: true,
      sendAt: '2026-11-27T19:00:00.000Z',
    });
    // Not forced, the spread moment still keeps three quarters of the margin: the last hour that keeps it is 15:00.
    const close = [{ id: 'g', dueAt: '2026-11-24T15:00:00+01:00', deadline: '2026-11-24T16:00:00+01:00' }];
    const plan = planReminders('2026-11-24T14:30:00+01:00', close, spread)!;
    expect(plan).toMatchObject({ forced: false, sendAt: '2026-11-24T14:14:00.000Z' });
  });

  it('drops reminders whose deadline has passed', () => {
    expect(
      planReminders('2026-11-24T15:00:00+01:00', [
        { id: 'x', dueAt: '2026-11-20T09:00:00+01:00', deadline: '2026-11-21T09:00:00+01:00' },
      ]),
    ).toBeNull();
  });

  it('never sends before now or before a reminder is due, and outside quiet hours unless a deadline forces it', () => {
    const instant = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') });
    fc.assert(
      fc.property(
        instant,
        fc.array(
          fc.tuple(
            fc.integer({ min: -3 * 86400e3, max: 10 * 86400e3 }),
            fc.integer({ min: 3600e3, max: 20 * 86400e3 }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        fc.option(fc.integer({ min: 0, max: 3 * 86400e3 })),
        fc.integer({ min: 0, max: SPREAD_MINUTES * 60 - 1 }),
        (now, specs, sinceLast, spreadSeconds) => {
          const nowIso = new Date(now).toISOString();
          const pending = specs.map(([due, span], i) => ({
            id: `r${i}`,
            dueAt: new Date(now + due).toISOString(),
            deadline: new Date(now + due + span).toISOString(),
          }));
          const last = sinceLast === null ? undefined : new Date(now - sinceLast).toISOString();
          const plan = planReminders(nowIso, pending, { ...DEFAULT_BUDGET, spreadSeconds }, last);
          if (!plan) return;
          const send = Date.parse(plan.sendAt);
          expect(send).toBeGreaterThanOrEqual(now);
          expect(plan.ids.length).toBeGreaterThan(0);
          for (const id of plan.ids)
            expect(Date.parse(pending.find((p) => p.id === id)!.dueAt)).toBeLessThanOrEqual(send);
          // Planned on a whole hour (forced) or the person's moment past it, unless it is due at once.
          if (send > now) expect(send % 3600e3).toBe(plan.forced ? 0 : spreadSeconds * 1000);
          if (plan.forced) {
            // A forced plan is outside quiet hours, unless nothing allowed is left before the deadline.
            const t = ams(plan.sendAt);
            const deadline = Math.min(...plan.ids.map((id) => Date.parse(pending.find((p) => p.id === id)!.deadline)));
            if (t.weekday === 7 || t.hour >= 21 || t.hour < 8) expect(send).toBeLessThan(deadline);
          } else {
            const t = ams(plan.sendAt);
            expect(t.weekday === 7 || t.hour >= 21 || t.hour < 8).toBe(false);
            if (last) expect(ams(plan.sendAt).toISODate()).not.toBe(ams(last).toISODate());
            // Not forced, it keeps the margin but for the spread: at least 45 minutes before each deadline.
            for (const id of plan.ids) {
              const r = pending.find((p) => p.id === id)!;
              if (Date.parse(r.dueAt) < Date.parse(r.deadline))
                expect(Date.parse(r.deadline) - send).toBeGreaterThanOrEqual(
                  (DEADLINE_MARGIN_MINUTES - SPREAD_MINUTES) * 60e3,
                );
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
