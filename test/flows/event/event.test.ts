/** The rules of public events on their own: places, the waiting list, moving up, changes, retention, the reminder's moment. */
import { describe, expect, it } from 'vitest';
import {
  cancel,
  change,
  freePlaces,
  type PublicEvent,
  type RegistrationInput,
  register,
  waitingList,
} from '../../../functions/flows/event/event';
import { dueForRemoval, reminderDue, reminderMoment } from '../../../functions/flows/event/retention';

const NOW = new Date('2026-11-02T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function event(capacity: number, over: Partial<PublicEvent> = {}): PublicEvent {
  return {
    id: 'ev-1',
    kind: 'open-huis',
    title: 'Open huis Wonen',
    theme: 'Wonen',
    description: 'Kom praten over wonen.',
    place: 'Buurthuis De Punt',
    address: 'Pieter Calandlaan 1',
    start: '2026-11-12T17:00:00.000Z',
    end: '2026-11-12T19:00:00.000Z',
    accessibility: 'Drempelvrij',
    languages: ['Nederlands'],
    capacity,
    status: 'published',
    registrations: [],
    createdAt: NOW.toISOString(),
    createdBy: 'office',
    version: 1,
    ...over,
  };
}

const person = (n: number, people = 1, consent = false): RegistrationInput => ({
  name: `Bewoner ${n}`,
  email: `bewoner${n}@example.org`,
  people,
  needs: [],
  lang: 'nl',
  consent,
});

function fill(e: PublicEvent, inputs: RegistrationInput[]): PublicEvent {
  let cur = e;
  inputs.forEach((input, i) => {
    const r = register(cur, `r-${i + 1}`, input, later(i));
    if (r.kind !== 'registered') throw new Error(r.kind);
    cur = r.event;
  });
  return cur;
}

describe('places and the waiting list', () => {
  it('confirms while there is room and puts the rest on the waiting list, in order', () => {
    const e = fill(event(3), [person(1), person(2, 2), person(3), person(4)]);
    expect(e.registrations.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting']);
    expect(freePlaces(e)).toBe(0);
    expect(waitingList(e).map((r) => r.id)).toEqual(['r-3', 'r-4']);
    expect(e.version).toBe(5);
  });

  it('does not let a newcomer pass the waiting list, even when one place is free', () => {
    const e = fill(event(3), [person(1, 2), person(2, 2), person(3)]);
    expect(freePlaces(e)).toBe(1);
    expect(e.registrations.map((r) => r.status)).toEqual(['confirmed', 'waiting', 'waiting']);
  });

  it('treats the same address twice as one registration, whatever its case', () => {
    const e = fill(event(10), [person(1)]);
    const again = register(e, 'r-9', { ...person(1), email: ' BEWONER1@example.org ' }, later(5));
    expect(again).toMatchObject({ kind: 'duplicate', registration: { id: 'r-1' } });
  });

  it('takes no registration for a cancelled event or one that has started', () => {
    expect(register(event(5, { status: 'cancelled' }), 'r', person(1), NOW).kind).toBe('closed');
    expect(register(event(5), 'r', person(1), new Date('2026-11-12T17:00:00Z')).kind).toBe('closed');
  });
});

describe('a cancellation moves the waiting list up', () => {
  it('gives the freed places to the first who fit, passing over a group that does not', () => {
    const e = fill(event(2), [person(1), person(2), person(3, 2), person(4)]);
    const done = cancel(e, 'r-1', later(60));
    if (done.kind !== 'changed') throw new Error(done.kind);
    // One place free: the group of two waits, the single person after them moves up.
    expect(done.movedUp.map((r) => r.id)).toEqual(['r-4']);
    expect(done.event.registrations.map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'waiting', 'confirmed']);
    const second = cancel(done.event, 'r-2', later(61));
    if (second.kind !== 'changed') throw new Error(second.kind);
    expect(second.movedUp).toEqual([]);
    const third = cancel(second.event, 'r-4', later(62));
    if (third.kind !== 'changed') throw new Error(third.kind);
    expect(third.movedUp.map((r) => [r.id, r.status, r.movedUpAt])).toEqual([
      ['r-3', 'confirmed', later(62).toISOString()],
    ]);
  });

  it('cancels once: a second cancellation finds nothing to cancel', () => {
    const e = fill(event(2), [person(1)]);
    const done = cancel(e, 'r-1', later(1));
    if (done.kind !== 'changed') throw new Error(done.kind);
    expect(cancel(done.event, 'r-1', later(2)).kind).toBe('gone');
  });
});

describe('changing a registration', () => {
  it('refuses more people than there is room for, and moves the list up when fewer come', () => {
    const e = fill(event(4), [person(1, 3), person(2, 2)]);
    expect(change(e, 'r-1', { people: 5, needs: [] }, later(5))).toEqual({ kind: 'no-room' });
    const fewer = change(e, 'r-1', { people: 2, needs: ['rolstoel', 'rolstoel'] }, later(5));
    if (fewer.kind !== 'changed') throw new Error(fewer.kind);
    expect(fewer.registration).toMatchObject({ people: 2, needs: ['rolstoel'] });
    expect(fewer.movedUp.map((r) => r.id)).toEqual(['r-2']);
  });
});

describe('retention and the reminder', () => {
  it('removes contact details 3 months after the event, 12 for follow-up, or once "what we did" was sent', () => {
    const e = fill(event(10), [person(1), person(2, 1, true)]);
    expect(dueForRemoval(e, new Date('2027-02-12T18:00:00Z')).map((r) => r.id)).toEqual([]);
    expect(dueForRemoval(e, new Date('2027-02-12T19:00:00Z')).map((r) => r.id)).toEqual(['r-1']);
    expect(dueForRemoval(e, new Date('2027-11-12T19:00:00Z')).map((r) => r.id)).toEqual(['r-1', 'r-2']);
    const did = { ...e, did: { text: 'x', at: '2027-04-01T10:00:00Z', links: [] } };
    expect(dueForRemoval(did, new Date('2027-04-01T12:00:00Z')).map((r) => r.id)).toEqual(['r-1']);
    expect(dueForRemoval(did, new Date('2027-04-02T10:00:00Z')).map((r) => r.id)).toEqual(['r-1', 'r-2']);
  });

  it('reminds at 10:00 the day before, on Saturday for a Monday event, once', () => {
    expect(reminderMoment({ start: '2026-11-12T17:00:00Z' }).toISOString()).toBe('2026-11-11T09:00:00.000Z');
    expect(reminderMoment({ start: '2026-11-16T17:00:00Z' }).toISOString()).toBe('2026-11-14T09:00:00.000Z');
    const e = event(5);
    expect(reminderDue(e, new Date('2026-11-11T08:59:00Z'))).toBe(false);
    expect(reminderDue(e, new Date('2026-11-11T09:00:00Z'))).toBe(true);
    expect(reminderDue({ ...e, remindedAt: '2026-11-11T09:00:00Z' }, new Date('2026-11-11T10:00:00Z'))).toBe(false);
    expect(reminderDue(e, new Date('2026-11-12T17:00:00Z'))).toBe(false);
  });
});
