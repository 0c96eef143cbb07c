/** The console overview: what it flags, and what needs attention today. */
import { describe, expect, it } from 'vitest';
import {
  closedWithoutDecision,
  closingWithoutQuorum,
  overviewPage,
  waitingBeyondDate,
} from '../../../functions/flows/console/overview-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import { itemsPage, overdueItems } from '../../../functions/flows/console/flow-pages';
import type { Meeting } from '../../../functions/flows/meeting/meeting';
import { DEFAULT_LEAD_TIMES } from '../../../functions/flows/meeting/series';
import { advance, createRound, recordDecision } from '../../../functions/flows/approval-round/round';
import { inputRound, item, main, round, T0 } from '../../support/console-pages';

describe('overview', () => {
  it('flags open rounds closing within three days that have not reached quorum yet', () => {
    const soon = round('2026-03-22T10:00:00Z');
    const later = round('2026-04-22T10:00:00Z');
    let enough = round('2026-03-22T10:00:00Z');
    for (const id of ['a', 'b', 'c']) enough = recordDecision(enough, { approverId: id, choice: 'abstain' }, T0);
    expect(closingWithoutQuorum([soon, later, enough], T0)).toEqual([soon]);
  });

  it('flags a consensus stage or a consent round with a quorum that too few have answered', () => {
    const withRule = (rule: Parameters<typeof createRound>[0]['rule'], id: string) =>
      createRound(
        {
          id,
          title: 't',
          summary: 's',
          documents: [],
          approverIds: ['a', 'b', 'c', 'd'],
          rule,
          deadline: '2026-03-22T10:00:00Z',
          reminders: [],
          createdBy: 'o',
        },
        T0,
      );
    const consensus = withRule({ type: 'consensus-then-majority', consentDeadline: '2026-03-21T10:00:00Z' }, 'c1');
    const consentQuorum = withRule({ type: 'consent', quorum: 0.5 }, 'c2');
    // Plain consent: silence agrees, so there is no turnout to miss.
    const consent = withRule({ type: 'consent' }, 'c3');
    expect(closingWithoutQuorum([consensus, consentQuorum, consent], T0).map((r) => r.id)).toEqual(['c1', 'c2']);
  });
});

describe('overview: what needs attention', () => {
  const nl = contextFor('nl', '/');
  const meeting = (over: Partial<Meeting> = {}): Meeting => ({
    id: 's--1',
    seriesId: 's',
    key: '1',
    bodyId: 'b',
    title: 'Kerngroep maart',
    start: '2026-03-10T18:00:00Z',
    end: '2026-03-10T20:00:00Z',
    chairId: 'p-chair',
    secretaryId: 'p-sec',
    leadTimes: DEFAULT_LEAD_TIMES,
    status: 'open',
    phase: 'minutes',
    items: [],
    nothingFrom: [],
    declined: [],
    sequence: 0,
    objections: [],
    actionsDone: [],
    createdAt: '2026-02-01T10:00:00Z',
    version: 3,
    ...over,
  });
  const noQuorum = () => {
    const r = recordDecision(
      round('2026-03-19T10:00:00Z'),
      { approverId: 'a', choice: 'abstain' },
      new Date('2026-03-18T10:00:00Z'),
    );
    return advance(r, new Date('2026-03-19T10:00:00Z')).round;
  };

  it('lists rounds that closed without a decision in the last two weeks', () => {
    const closed = noQuorum();
    expect(closed).toMatchObject({ status: 'closed', outcome: 'no-quorum' });
    expect(closedWithoutDecision([closed, round('2026-04-01T10:00:00Z')], T0)).toEqual([closed]);
    expect(closedWithoutDecision([closed], new Date('2026-04-10T10:00:00Z'))).toEqual([]);
  });

  it('lists what waits on a person beyond its date: more time asked, input not given, minutes not written', () => {
    const waiting = waitingBeyondDate(
      {
        items: [
          item({
            id: 'f-wait',
            status: 'awaiting-approval',
            due: '2026-03-15T16:00:00Z',
            requestedDue: { due: '2026-05-01T16:00:00Z', reason: 'Aannemer later' },
          }),
          item({
            id: 'f-not-yet',
            status: 'awaiting-approval',
            due: '2026-03-25T16:00:00Z',
            requestedDue: { due: '2026-05-01T16:00:00Z', reason: 'x' },
          }),
        ],
        inputs: [
          // Past its deadline, not settled yet: the partner without an answer can still answer.
          inputRound({
            id: 'i-late',
            status: 'open',
            answers: { woon: { kind: 'delivered', at: '2026-03-10T10:00:00Z', by: 'p1' } },
          }),
          // Closed: nobody can answer it any more, so its silent partners wait on no one.
          inputRound({
            id: 'i-closed',
            answers: { woon: { kind: 'delivered', at: '2026-03-10T10:00:00Z', by: 'p1' } },
          }),
          inputRound({
            id: 'i-promised',
            answers: {
              woon: { kind: 'delivered', at: '2026-03-10T10:00:00Z', by: 'p1' },
              gemeente: { kind: 'will-deliver', date: '2026-03-19T10:00:00Z', at: '2026-03-10T10:00:00Z', by: 'p2' },
            },
          }),
          inputRound({
            id: 'i-done',
            answers: {
              woon: { kind: 'delivered', at: '2026-03-10T10:00:00Z', by: 'p1' },
              gemeente: { kind: 'not-applicable', at: '2026-03-10T10:00:00Z', by: 'p2' },
            },
          }),
          inputRound({ id: 'i-open', status: 'open', deadline: '2026-03-28T16:00:00Z' }),
          // A round of people past its deadline, not settled yet: two residents have not answered.
          inputRound({
            id: 'i-people',
            status: 'open',
            organisationIds: [],
            personIds: ['p-a', 'p-b', 'p-c'],
            answers: { 'p-a': { kind: 'answered', text: 'Groen', at: '2026-03-10T10:00:00Z', by: 'p-a' } },
          }),
        ],
        meetings: [
          meeting(),
          meeting({ id: 's--2', end: '2026-03-19T20:00:00Z', start: '2026-03-19T18:00:00Z' }),
          meeting({ id: 's--3', phase: 'review' }),
        ],
      },
      T0,
    );
    expect(waiting.map((w) => w.id)).toEqual(['f-wait', 'i-late', 'i-promised', 'i-people', 's--1']);
    const page = main(overviewPage(nl, [], [], T0, [], { all: [noQuorum()], waiting }));
    expect(page).toContain('Gesloten zonder besluit');
    expect(page).toContain('Wacht op iemand, over de datum');
    expect(page).toContain('wacht op de projectleider');
    expect(page).toContain('1 partner heeft nog niet geantwoord');
    expect(page).toContain('2 personen hebben nog niet geantwoord');
    expect(page).toContain('1 partner heeft iets beloofd');
    expect(page).toContain('Het verslag is nog niet gemaakt');
    expect(page).not.toContain('Niets bijzonders vandaag');
  });

  it('marks an item waiting for approval of more time late from its agreed date, and lists it once', () => {
    const waitingItem = item({
      id: 'f-wait',
      status: 'awaiting-approval',
      due: '2026-03-15T16:00:00Z',
      requestedDue: { due: '2026-05-01T16:00:00Z', reason: 'Aannemer later' },
    });
    const notYet = item({ id: 'f-later', status: 'awaiting-approval', due: '2026-03-25T16:00:00Z' });
    expect(overdueItems([waitingItem, notYet], T0).map((i) => i.id)).toEqual(['f-wait']);
    const list = main(itemsPage(nl, [notYet, waitingItem], [], [], T0));
    expect(list).toContain('15 maart 2026 om 17:00 uur te laat wacht op de projectleider');
    expect(list).toContain('25 maart 2026 om 17:00 uur wacht op de projectleider');
    const waiting = waitingBeyondDate({ items: [waitingItem] }, T0);
    const page = main(overviewPage(nl, [], [], T0, overdueItems([waitingItem], T0), { waiting }));
    expect(page.match(/Speeltuin repareren/g)).toHaveLength(1);
  });

  it('says no rounds are running when only closed ones exist', () => {
    const page = main(overviewPage(nl, [], [], T0, [], { all: [noQuorum()] }));
    expect(page).toContain('Er lopen nu geen rondes.');
    expect(page).not.toContain('Er zijn nog geen rondes');
    expect(main(overviewPage(nl, [], [], T0, [], { all: [] }))).toContain('Er zijn nog geen rondes');
  });
});
