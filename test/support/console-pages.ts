/** Fixtures shared by the console page tests: a round, an action item, an input round, and text helpers. */
import type { ActionItem } from '../../functions/flows/follow-up/follow-up';
import type { InputRound } from '../../functions/flows/input-round/input-round';
import { createRound } from '../../functions/flows/approval-round/round';

export const T0 = new Date('2026-03-20T10:00:00Z');
export const round = (deadline: string) =>
  createRound(
    {
      id: 'r',
      title: 't',
      summary: 's',
      documents: [],
      approverIds: ['a', 'b', 'c', 'd'],
      rule: { type: 'majority' },
      deadline,
      reminders: [],
      createdBy: 'o',
    },
    T0,
  );

// Words that must never appear on a Dutch console page (the audit kinds and stage names as stored).
const STORED = [
  'created',
  'reminded',
  'asked',
  'answered',
  'escalated',
  'invite',
  'majority',
  'reminder',
  'receipt',
  'outcome',
  'notice',
  'round',
  'time_amsterdam',
  'event',
  'actor',
  'description',
];
export const ENGLISH = new RegExp(`\\b(${STORED.join('|')})\\b`);
export const text = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
export const main = (page: string) => text(page.slice(page.indexOf('<main'), page.indexOf('</main>')));

export const item = (over: Partial<ActionItem> = {}): ActionItem => ({
  id: 'f-1',
  what: 'Speeltuin repareren',
  origin: { kind: 'office' },
  owner: { personId: 'p1' },
  due: '2026-03-25T16:00:00Z',
  bodyId: 'b',
  status: 'open',
  createdAt: '2026-03-01T10:00:00Z',
  dueHistory: [],
  actionsDone: [],
  createdBy: 'o',
  version: 1,
  ...over,
});
export const inputRound = (over: Partial<InputRound> = {}): InputRound => ({
  id: 'i-1',
  title: 'Jaarcijfers',
  request: 'Aantallen',
  organisationIds: ['woon', 'gemeente'],
  deadline: '2026-03-18T16:00:00Z',
  reminders: [],
  escalate: false,
  bodyId: 'b',
  status: 'closed',
  answers: {},
  remindersSent: [],
  createdAt: '2026-03-01T10:00:00Z',
  createdBy: 'o',
  version: 2,
  ...over,
});
