import { describe, expect, it } from 'vitest';
import { itemPage } from '../../../functions/flows/console/flow-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import { AnswerRejected, applyOwnerAnswer, decideExtension } from '../../../functions/flows/follow-up/answers';
import { followUpSchedule, lateSince, type ActionItem } from '../../../functions/flows/follow-up/follow-up';

const item = (over: Partial<ActionItem> = {}): ActionItem => ({
  id: 'a1',
  what: 'Jongerenwerker inzetten in De Punt',
  origin: { kind: 'meeting', ref: 'kerngroep-2026-12' },
  owner: { organisationId: 'gemeente' },
  due: '2026-12-21T17:00:00+01:00',
  bodyId: 'kerngroep-de-punt',
  status: 'open',
  createdAt: '2026-11-23T10:00:00+01:00',
  dueHistory: [],
  actionsDone: [],
  createdBy: 'office',
  version: 1,
  ...over,
});

describe('follow-up schedule', () => {
  it(
    'reminds 7 and 1 days before, asks on the due date, ' + 'then climbs the ladder in working days over the holidays',
    () => {
      const s = followUpSchedule(item());
      expect(s.map((a) => `${a.kind}${'step' in a ? `:${a.step}` : ''} ${a.at}`)).toEqual([
        'remind 2026-12-14T16:00:00.000Z',
        'remind 2026-12-20T16:00:00.000Z',
        'ask-status 2026-12-21T16:00:00.000Z',
        // Mon 21 Dec + 3 working days: 22, 23, 24 → Thu 24 Dec.
        'escalate:project-leader 2026-12-24T16:00:00.000Z',
        // + 5 working days skipping 25/26 Dec, the weekend and 1 Jan: 28, 29, 30, 31 Dec, 4 Jan.
        'escalate:core-group-agenda 2027-01-04T16:00:00.000Z',
        'escalate:board 2027-01-18T16:00:00.000Z',
      ]);
      const board = s.at(-1)!;
      expect('tell' in board && board.tell).toEqual(['owner', 'project-leader', 'core-group-agenda']);
    },
  );

  it('leaves out reminder moments before the item existed, and schedules nothing once it is closed', () => {
    expect(followUpSchedule(item({ createdAt: '2026-12-18T10:00:00+01:00' }))[0].kind).toBe('remind');
    expect(
      followUpSchedule(item({ createdAt: '2026-12-18T10:00:00+01:00' })).filter((a) => a.kind === 'remind'),
    ).toHaveLength(1);
    expect(followUpSchedule(item({ status: 'done' }))).toEqual([]);
  });
});

describe('a request for more time beyond the limit', () => {
  const request = { kind: 'more-time' as const, due: '2027-03-01T17:00:00+01:00', reason: 'Budget pas in maart' };
  const asked = applyOwnerAnswer(item(), request, new Date('2026-12-17T10:00:00+01:00'));

  it('is reminded to the project leader after 2 working days, then climbs the ladder in working days', () => {
    const s = followUpSchedule(asked);
    expect(s.map((a) => `${a.kind}${'step' in a ? `:${a.step}` : ''} ${a.at}`)).toEqual([
      // Thu 17 Dec + 2 working days: Mon 21 Dec.
      'approval-reminder 2026-12-21T09:00:00.000Z',
      // + 5 working days skipping Christmas, the weekend and New Year: 22, 23, 24, 28, 29 Dec.
      'escalate:core-group-agenda 2026-12-29T09:00:00.000Z',
      // + 10 working days: 30, 31 Dec, 4-8 Jan, 11-13 Jan.
      'escalate:board 2027-01-13T09:00:00.000Z',
    ]);
    expect(s.filter((a) => a.kind === 'escalate').every((a) => 'approval' in a && a.approval)).toBe(true);
    expect('tell' in s[2] && s[2].tell).toEqual(['owner', 'project-leader', 'core-group-agenda']);
    // A second request (after a refusal) has moments of its own.
    const refused = decideExtension(asked, false, 'pl', new Date('2026-12-18T10:00:00+01:00'));
    const again = applyOwnerAnswer(
      refused,
      { ...request, reason: 'Toch eerder' },
      new Date('2026-12-18T11:00:00+01:00'),
    );
    expect(followUpSchedule(again).map((a) => a.key)).not.toContain(s[0].key);
  });

  it("shows the requested date and reason on the console's item page, late from the original date", () => {
    const page = itemPage(contextFor('nl', '/'), asked, [], [], [], new Date('2026-12-22T10:00:00+01:00'));
    expect(page).toContain('Gevraagde nieuwe datum');
    expect(page).toContain('1 maart 2027');
    expect(page).toContain('Budget pas in maart');
    expect(page).toContain('te laat');
    const before = itemPage(contextFor('en', '/'), asked, [], [], [], new Date('2026-12-20T10:00:00+01:00'));
    expect(before).not.toContain('late</span>');
  });

  it('keeps the item late from its original date until the new date is approved', () => {
    const after = new Date('2026-12-22T10:00:00+01:00');
    expect(lateSince(asked, new Date('2026-12-20T10:00:00+01:00'))).toBeNull();
    expect(lateSince(asked, after)).toBe('2026-12-21T17:00:00+01:00');
    expect(lateSince(decideExtension(asked, true, 'pl', after), after)).toBeNull();
    expect(lateSince(decideExtension(asked, false, 'pl', after), after)).toBe('2026-12-21T17:00:00+01:00');
    expect(lateSince({ ...asked, status: 'done' }, after)).toBeNull();
  });
});

describe('the owner answers', () => {
  const now = new Date('2026-12-15T10:00:00+01:00');
  it('done closes the item with its result, and when', () => {
    expect(applyOwnerAnswer(item(), { kind: 'done', result: 'Jongerenwerker start 1 januari' }, now)).toMatchObject({
      status: 'done',
      result: 'Jongerenwerker start 1 januari',
      closedAt: now.toISOString(),
      version: 2,
    });
    expect(() => applyOwnerAnswer(item(), { kind: 'done', result: ' ' }, now)).toThrow(AnswerRejected);
  });

  it('more time within the limit moves the due date (on record); beyond it waits for the project leader', () => {
    const moved = applyOwnerAnswer(
      item(),
      { kind: 'more-time', due: '2027-01-04T17:00:00+01:00', reason: 'Vakantieperiode' },
      now,
    );
    expect(moved).toMatchObject({
      status: 'open',
      due: '2027-01-04T17:00:00+01:00',
      dueHistory: [{ from: '2026-12-21T17:00:00+01:00', reason: 'Vakantieperiode' }],
    });
    expect(followUpSchedule(moved)[0].key).not.toBe(followUpSchedule(item())[0].key);
    const asked = applyOwnerAnswer(
      item(),
      { kind: 'more-time', due: '2027-03-01T17:00:00+01:00', reason: 'Budget pas in maart' },
      now,
    );
    expect(asked).toMatchObject({
      status: 'awaiting-approval',
      due: '2026-12-21T17:00:00+01:00',
      requestedDue: { due: '2027-03-01T17:00:00+01:00', reason: 'Budget pas in maart', askedAt: now.toISOString() },
    });
    expect(decideExtension(asked, true, 'p-samira-amrani', now)).toMatchObject({
      status: 'open',
      due: '2027-03-01T17:00:00+01:00',
      dueHistory: [{ approvedBy: 'p-samira-amrani' }],
    });
    expect(decideExtension(asked, false, 'p-samira-amrani', now)).toMatchObject({
      status: 'open',
      due: '2026-12-21T17:00:00+01:00',
    });
    expect(() =>
      applyOwnerAnswer(item(), { kind: 'more-time', due: '2026-12-01T17:00:00+01:00', reason: 'x' }, now),
    ).toThrow('date-not-later');
  });

  it('not mine returns it to the office; blocked records what is needed; a closed item takes no answer', () => {
    expect(applyOwnerAnswer(item(), { kind: 'not-mine', reason: 'Dit is de woningcorporatie' }, now)).toMatchObject({
      status: 'returned',
      closedAt: now.toISOString(),
    });
    expect(applyOwnerAnswer(item(), { kind: 'blocked', needs: 'Toestemming van stadsdeel' }, now)).toMatchObject({
      status: 'blocked',
      blockedBy: 'Toestemming van stadsdeel',
    });
    expect(() => applyOwnerAnswer(item({ status: 'done' }), { kind: 'blocked', needs: 'x' }, now)).toThrow('closed');
  });
});
