import { describe, expect, it } from 'vitest';
import { attend, decline, submitItem } from '../../../functions/flows/meeting/agenda';
import { type Meeting, meetingSchedule } from '../../../functions/flows/meeting/meeting';
import {
  chairDecides,
  closeReview,
  object,
  settleActionDates,
  submitMinutes,
} from '../../../functions/flows/meeting/minutes';
import { base } from './fixtures';

const kinds = (m: Meeting) => meetingSchedule(m).map((a) => a.kind);

describe("a meeting's schedule and answers", () => {
  it('plans the cycle around the meeting, with the lead times', () => {
    const s = meetingSchedule(base);
    expect(s.map((a) => [a.kind, a.at])).toEqual([
      ['call', '2026-12-29T18:00:00.000Z'],
      ['agenda-reminder', '2027-01-02T18:00:00.000Z'],
      ['close-agenda', '2027-01-05T18:00:00.000Z'],
      ['day-before', '2027-01-11T18:00:00.000Z'],
      ['ask-minutes', '2027-01-12T20:00:00.000Z'],
      ['minutes-reminder', '2027-01-15T20:00:00.000Z'],
      ['minutes-to-chair', '2027-01-18T20:00:00.000Z'],
      ['give-up', '2027-02-11T20:00:00.000Z'],
    ]);
  });

  it('marks items late once the agenda was sent, and keeps a double submission once', () => {
    const now = new Date('2027-01-03T10:00:00Z');
    const item = {
      id: 'i1',
      title: 'Bankjes',
      explanation: '',
      broughtBy: 'Aïsha',
      ask: 'discuss' as const,
      submittedBy: 'p1',
    };
    const once = submitItem(base, item, now);
    expect(submitItem(once, { ...item, id: 'i2' }, now)).toBe(once);
    expect(submitItem({ ...base, phase: 'invited' }, item, now).items[0].late).toBe(true);
    expect(once.items[0].late).toBe(false);
  });

  it('gives a sent-back draft a new round: new reminders from the send-back, and a review that closes again', () => {
    const now = new Date('2027-01-13T10:00:00Z');
    const minutes = { summaries: {}, decisions: 'Geen', actionItems: [], by: 'sec', at: now.toISOString() };
    const inReview = submitMinutes(
      { ...base, phase: 'minutes', actionsDone: meetingSchedule(base).map((a) => a.key) },
      minutes,
      now,
    );
    const objected = closeReview(object(inReview, 'p1', 'Klopt niet', now), new Date(inReview.reviewEndsAt!));
    expect(objected.phase).toBe('chair-review');
    expect(kinds(objected)).toContain('give-up');
    const sentBack = chairDecides(objected, false, new Date('2027-01-20T10:00:00Z'));
    const open = meetingSchedule(sentBack).filter((a) => !sentBack.actionsDone.includes(a.key));
    expect(open.map((a) => [a.kind, a.at])).toEqual([
      ['minutes-reminder', '2027-01-23T10:00:00.000Z'],
      ['minutes-to-chair', '2027-01-26T10:00:00.000Z'],
      ['give-up', '2027-02-19T10:00:00.000Z'],
    ]);
    const again = submitMinutes(sentBack, minutes, new Date('2027-01-21T10:00:00Z'));
    expect(
      meetingSchedule(again)
        .filter((a) => !again.actionsDone.includes(a.key))
        .map((a) => a.kind),
    ).toEqual(['close-review']);
    expect(closeReview(again, new Date(again.reviewEndsAt!))).toMatchObject({
      phase: 'adopted',
      adoptedBy: 'consent',
      status: 'closed',
    });
  });

  it('takes no objection from the one who wrote the draft', () => {
    const now = new Date('2027-01-13T10:00:00Z');
    const minutes = { summaries: {}, decisions: 'Geen', actionItems: [], by: 'sec', at: now.toISOString() };
    const inReview = submitMinutes({ ...base, phase: 'minutes' }, minutes, now);
    expect(() => object(inReview, 'sec', 'Mijn eigen verslag klopt niet', now)).toThrow('own-minutes');
    expect(object(inReview, 'p1', 'Klopt niet', now).objections).toHaveLength(1);
  });

  it('lets a member undo "I cannot come" until the meeting', () => {
    const declined = decline({ ...base, phase: 'invited' }, 'p1', new Date('2027-01-10T10:00:00Z'));
    expect(attend(declined, 'p1', new Date('2027-01-11T10:00:00Z')).declined).toEqual([]);
    expect(attend(base, 'p1', new Date('2027-01-11T10:00:00Z'))).toBe(base);
    expect(() => attend(declined, 'p1', new Date('2027-01-12T19:00:00Z'))).toThrow('closed');
  });

  it('keeps the give-up moment in the schedule of a meeting it abandoned, so its step runs', () => {
    const abandoned: Meeting = {
      ...base,
      phase: 'abandoned',
      status: 'closed',
      reviewEndsAt: '2027-01-20T10:00:00.000Z',
      minutes: { summaries: {}, decisions: 'x', actionItems: [], by: 'sec', at: '2027-01-15T10:00:00.000Z' },
    };
    expect(kinds({ ...abandoned, status: 'open' })).toContain('give-up');
  });
});

describe('action item dates at the adoption of the minutes', () => {
  const minutes = (due: string[]) => ({
    summaries: {},
    decisions: 'x',
    by: 'sec',
    at: '2027-01-13T10:00:00.000Z',
    actionItems: due.map((d, i) => ({ what: `a${i}`, ownerPersonId: 'p1', due: d })),
  });
  it("keeps a date still ahead and moves one less than a day ahead to a week on, keeping the minutes' date", () => {
    // Adopted Monday 18 January 2027, 21:30 in Amsterdam.
    const adopted: Meeting = {
      ...base,
      phase: 'adopted',
      status: 'closed',
      adoptedAt: '2027-01-18T20:30:00.000Z',
      minutes: minutes(['2027-01-21T16:00:00.000Z', '2027-01-19T16:00:00.000Z']),
    };
    const settled = settleActionDates(adopted);
    expect(settled.minutes!.actionItems).toEqual([
      { what: 'a0', ownerPersonId: 'p1', due: '2027-01-21T16:00:00.000Z' },
      { what: 'a1', ownerPersonId: 'p1', due: '2027-01-25T16:00:00.000Z', dueInMinutes: '2027-01-19T16:00:00.000Z' },
    ]);
    // Settled once: again (by the workflow after the page) changes nothing.
    expect(settleActionDates(settled)).toBe(settled);
    // A week on from a Saturday goes to the Monday.
    const friday = settleActionDates({
      ...adopted,
      adoptedAt: '2027-01-16T10:00:00.000Z',
      minutes: minutes(['2027-01-16T16:00:00.000Z']),
    });
    expect(friday.minutes!.actionItems[0].due).toBe('2027-01-25T16:00:00.000Z');
  });
});
