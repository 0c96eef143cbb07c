/**
 * What the crash harness does between kills: three approval rounds of the board with votes through
 * members' links, three action items answered through their reminders, and a meeting of the kerngroep
 * with two agenda items sent through the call's links; the clock moves between them. Each action can
 * be sent again after a crash (creates carry an Idempotency-Key, a vote or an answer looks first).
 */
import { SPREAD_MINUTES } from '../../functions/engine/reminder-budget';
import { BOARD } from '../support/local';
import { type Client, linkIn, type Mail, Unexpected } from './client';

const DAY = 86400_000;

export interface RoundPlan {
  title: string;
  /** Each board member's vote (BOARD order); null: does not answer. */
  votes: (string | null)[];
  outcome: string;
}

/** Majority of the votes cast (quorum 0.5 of the 7 members): all in favour, a split, a rejection. */
export const ROUNDS: RoundPlan[] = [
  { title: 'Crash R1 speeltuin', votes: Array(7).fill('approve'), outcome: 'approved' },
  {
    title: 'Crash R2 buurtbudget',
    votes: ['approve', 'approve', 'reject', 'approve', null, 'reject', null],
    outcome: 'approved',
  },
  {
    title: 'Crash R3 parkeerplan',
    votes: ['reject', 'reject', 'approve', 'reject', 'reject', null, 'abstain'],
    outcome: 'rejected',
  },
];

export const ITEMS = [
  { what: 'Crash F1 bankjes plaatsen', owner: 'p-ruben-kok', address: 'ruben.kok@example.org' },
  { what: 'Crash F2 speelplek opknappen', owner: 'p-yusuf-demir', address: 'yusuf.demir@example.org' },
  { what: 'Crash F3 afvalbakken legen', owner: 'p-marloes-dijkstra', address: 'marloes.dijkstra@example.org' },
];

export const MEETING_TITLE = 'Crash kerngroep';
export const AGENDA = [
  { from: 'aisha.toure@example.org', title: 'Crash agendapunt geveltuinen' },
  { from: 'wim.de.groot@example.org', title: 'Crash agendapunt straatverlichting' },
];

export interface Action {
  name: string;
  run: () => Promise<void>;
}

/** What the workload created, for the checks at the end. */
export interface Created {
  rounds: Record<string, string>;
  items: Record<string, string>;
  seriesId?: string;
  /** `<seriesId>--<date>`: the meeting's id and its execution's name. */
  meetingId?: string;
  /** Moves that answered 503 (a step failed on the way) and links that never came: reported. */
  failures: string[];
  /** The moment past which every flow has finished. */
  end: number;
}

/** The first Monday 09:00 UTC at least a day ahead: reminders respect quiet hours and Sundays. */
export function startOfWorkload(now: number): number {
  const d = new Date(now + DAY);
  d.setUTCHours(9, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setTime(d.getTime() + DAY);
  return d.getTime();
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function workload(c: Client, base: number): { actions: Action[]; created: Created } {
  const created: Created = { rounds: {}, items: {}, failures: [], end: base + 60 * DAY };
  const at = (days: number) => base + days * DAY;
  // The person's link to flow `id` (named `part` in the messages), in its own email or a digest.
  const mailFor = async (address: string, part: string, kind: 'd' | 'f' | 'm', id: string): Promise<string> => {
    const find = async () => (await c.mail()).map((m: Mail) => (m.to === address ? linkIn(m, kind, id) : undefined));
    let link = (await find()).find(Boolean);
    if (!link) {
      // Left pending by a crash, the sweeper delivers it within the hour; a reminder goes at the
      // person's own moment in the quarter past its hour (SPREAD_MINUTES), so an hour and a quarter.
      created.failures.push(`no email with a link to ${address} about ${part} yet: moved the clock 75 minutes`);
      await c.to((await c.now()) + 3600_000 + SPREAD_MINUTES * 60_000, created.failures);
      link = (await find()).find(Boolean);
    }
    if (!link) throw new Unexpected(`no email with a link to ${address} about ${part} (${id})`);
    return link;
  };
  const actions: Action[] = [{ name: 'clock to the start', run: () => c.to(base, created.failures) }];

  const meeting = at(15); // a Tuesday
  actions.push({
    name: 'create the meeting series',
    run: async () => {
      created.seriesId = await c.create(
        '/api/meeting-series',
        {
          bodyId: 'kerngroep-de-punt',
          title: MEETING_TITLE,
          rrule: 'FREQ=WEEKLY;COUNT=1',
          startsOn: dateOf(meeting),
          startTime: '19:00',
          durationMinutes: 120,
          location: 'Buurthuis De Punt',
          chairId: 'p-samira-amrani',
          secretaryId: 'p-pieter-van-leeuwen',
        },
        'crash-series',
      );
      created.meetingId = `${created.seriesId}--${dateOf(meeting)}`;
    },
  });
  for (const [i, r] of ROUNDS.entries())
    actions.push({
      name: `create round ${r.title}`,
      run: async () => {
        created.rounds[r.title] = await c.create(
          '/api/rounds',
          {
            title: r.title,
            summary: 'Gaat u akkoord?',
            bodyId: 'alliantiebestuur',
            rule: { type: 'majority', quorum: 0.5 },
            deadline: new Date(at(4) + 8 * 3600_000).toISOString(),
            reminders: ['P1D'],
          },
          `crash-round-${i}`,
        );
      },
    });
  for (const [i, item] of ITEMS.entries())
    actions.push({
      name: `create action item ${item.what}`,
      run: async () => {
        created.items[item.what] = await c.create(
          '/api/follow-ups',
          {
            what: item.what,
            due: new Date(at(9) + 8 * 3600_000).toISOString(),
            bodyId: 'kerngroep-de-punt',
            ownerPersonId: item.owner,
          },
          `crash-item-${i}`,
        );
      },
    });
  actions.push({ name: 'let the invitations go', run: () => c.settle(created.failures) });
  for (const r of ROUNDS)
    for (const [m, choice] of r.votes.entries()) {
      if (!choice) continue;
      const [personId, address] = BOARD[m];
      actions.push({
        name: `${personId} votes ${choice} on ${r.title}`,
        run: async () => {
          const round = (await c.api('GET', `/api/rounds/${created.rounds[r.title]}`)).body;
          if (round.approvers?.find((a: any) => a.personId === personId)?.state === 'responded') return;
          const link = await mailFor(address, r.title, 'd', created.rounds[r.title]);
          await c.submit(link, { choice, ...(choice === 'reject' ? { reason: 'Te duur' } : {}) });
        },
      });
    }
  // The call for agenda items (14 days before), the items' reminders (a week before their due date).
  actions.push({ name: 'clock to the calls and reminders', run: () => c.to(at(2) + 8 * 3600_000, created.failures) });
  for (const a of AGENDA)
    actions.push({
      name: `${a.from} sends agenda item ${a.title}`,
      run: async () => {
        const now = (await c.api('GET', `/api/meetings/${created.meetingId}`)).body;
        if (now?.items?.some((i: any) => i.title === a.title)) return;
        const link = await mailFor(a.from, MEETING_TITLE, 'm', created.meetingId!);
        await c.submit(link, { action: 'item', title: a.title, ask: 'discuss' });
      },
    });
  for (const item of ITEMS)
    actions.push({
      name: `${item.owner} answers done on ${item.what}`,
      run: async () => {
        const now = (await c.api('GET', `/api/follow-ups/${created.items[item.what]}`)).body;
        if (now.status !== 'open') return;
        const link = await mailFor(item.address, item.what, 'f', created.items[item.what]);
        await c.submit(link, { answer: 'done', result: 'Gedaan' });
      },
    });
  // Past the rounds' deadlines, the agenda's close, the meeting, and its month without minutes.
  for (const days of [5, 10, 17, 30, 50])
    actions.push({ name: `clock to day ${days}`, run: () => c.to(at(days), created.failures) });
  return { actions, created };
}
