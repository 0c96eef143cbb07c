import { describe, expect, it } from 'vitest';
import {
  attend,
  chairDecides,
  closeReview,
  decline,
  meetingSchedule,
  object,
  settleActionDates,
  submitItem,
  submitMinutes,
  type Meeting,
} from '../../../functions/flows/meeting/meeting';
import { DEFAULT_LEAD_TIMES } from '../../../functions/flows/meeting/series';
import type { Person } from '../../../functions/engine/directory';
import { meetingPage } from '../../../functions/flows/meeting/pages';
import { OFFICE } from '../../../functions/engine/flow-email';
import {
  abandonedMail,
  agendaReminderMail,
  callMail,
  dayBeforeAction,
  dayBeforeMail,
  itemReceiptMail,
  lateItemMail,
} from '../../../functions/flows/meeting/views';

const base: Meeting = {
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

describe("a meeting's reminders and texts", () => {
  const to = { name: 'Aïsha', lang: 'nl' as const };
  const placed: Meeting = {
    ...base,
    phase: 'invited',
    location: 'Buurthuis De Punt',
    onlineUrl: 'https://meet.example.org/kg',
  };

  it('words the day-before reminder from the moment it goes out, with the place and the online link', () => {
    // Held back by the reminder budget until the morning of the meeting (19:00 Amsterdam time).
    const late = dayBeforeMail(placed, to, 'https://x/m/t', new Date('2027-01-12T07:00:00Z'));
    expect(late.subject).toBe('Vandaag: Kerngroep');
    expect(late.text).toContain('Vandaag is de vergadering, dinsdag 12 januari 2027 om 19:00 uur.');
    expect(late.text).not.toContain('Morgen');
    expect(late.text).toContain('Waar: Buurthuis De Punt');
    expect(late.text).toContain('Online: https://meet.example.org/kg');
    const onTime = dayBeforeMail(placed, to, 'https://x/m/t', new Date('2027-01-11T19:00:00Z'));
    expect(onTime.subject).toBe('Morgen: Kerngroep');
    expect(onTime.text).toContain('Morgen is de vergadering');
    const early = dayBeforeMail(
      placed,
      { name: 'Kees', lang: 'en' },
      'https://x/m/t',
      new Date('2027-01-09T19:00:00Z'),
    );
    expect(early.subject).not.toMatch(/Tomorrow|Today/);
    expect(early.text).toContain('The meeting is on Tuesday 12 January 2027');
    expect(early.text).toContain('Online: https://meet.example.org/kg');
    expect(dayBeforeAction(placed, 'nl', new Date('2027-01-12T07:00:00Z'))).toBe('Vandaag is de vergadering');
    expect(dayBeforeAction(placed, 'en', new Date('2027-01-12T07:00:00Z'))).toBe('The meeting is today');
    expect(dayBeforeAction(placed, 'nl', new Date('2027-01-11T19:00:00Z'))).toBe('Morgen is de vergadering');
  });

  it('says nothing about months, true for a weekly series too, and names a late item plainly', () => {
    const item = {
      id: 'i1',
      title: 'Bankjes',
      explanation: 'Nieuwe bankjes',
      broughtBy: 'Wim',
      ask: 'discuss' as const,
      submittedBy: 'p1',
      at: base.createdAt,
      late: true,
    };
    const withLate = { ...placed, items: [item] };
    const me = { id: 'p1', name: 'Wim', lang: 'nl' as const, active: true, email: 'w@example.org' } as Person;
    for (const lang of ['nl', 'en'] as const) {
      const texts = [
        callMail(placed, { name: 'Wim', lang }, 'https://x/m/t').text,
        lateItemMail(withLate, { name: 'Wim', lang }, 'https://x/m/t', 'Bankjes', 'Wim').text,
        itemReceiptMail(withLate, { name: 'Wim', lang }, 'https://x/m/t', item).text,
        agendaReminderMail({ ...placed, phase: 'agenda' }, { name: 'Wim', lang }, 'https://x/m/t').text,
        meetingPage({ role: 'chair', meeting: withLate, person: { ...me, lang }, proof: 'p', action: '/m/t' }),
        meetingPage({
          role: 'meeting',
          meeting: { ...base, phase: 'agenda' },
          person: { ...me, lang },
          proof: 'p',
          action: '/m/t',
          groupId: 'g',
        }),
        meetingPage({ role: 'meeting', meeting: withLate, person: { ...me, lang }, proof: 'p', action: '/m/t' }),
      ];
      for (const t of texts) expect(t).not.toMatch(/maand|month/i);
    }
    expect(lateItemMail(withLate, to, 'https://x/m/t', 'Bankjes', 'Wim').subject).toBe(
      'Agendapunt na de deadline: Kerngroep',
    );
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

it('tells the office of an abandoned meeting without greeting and signing it as itself', () => {
  const mail = abandonedMail(base, OFFICE);
  expect(mail.text).not.toMatch(/Beste|Met vriendelijke groet/);
  expect(mail.text).toContain('Dit bericht is automatisch verstuurd door Alliantiecyclus.');
});
