/** Another flow's item on a body's meeting: found by the day, placed once, read back as held or returned. */
import { describe, expect, it } from 'vitest';
import { base } from './fixtures';
import { agendaItemState, placeOnAgenda, withdrawFromAgenda } from '../../../functions/flows/meeting';
import type { Meeting } from '../../../functions/flows/meeting/meeting';
import type { MeetingStore } from '../../../functions/flows/meeting/use-cases';
import { ValidationError } from '../../../functions/platform/errors';

function store(...meetings: Meeting[]) {
  const docs = new Map(meetings.map((m) => [m.id, structuredClone(m)]));
  let saves = 0;
  const meetingsStore = {
    list: async (status?: string) => [...docs.values()].filter((m) => !status || m.status === status),
    get: async (id: string) => structuredClone(docs.get(id) ?? null),
    save: async (next: Meeting, expected: number) => {
      if (docs.get(next.id)?.version !== expected) return { ok: false as const };
      saves += 1;
      docs.set(next.id, structuredClone(next));
      return { ok: true as const };
    },
  } as unknown as MeetingStore;
  return { docs, meetingsStore, saves: () => saves };
}

const request = {
  bodyId: 'kerngroep',
  // The meeting's day in Amsterdam, at another hour: the request names the day, the meeting its time.
  on: '2027-01-12T23:30:00+01:00',
  itemId: 'i-cycle-c1-boardAgenda',
  title: 'Aanvraag SPUK: op de agenda',
  explanation: 'Dit hoort bij de aanvraag SPUK.',
  broughtBy: 'Het programmabureau',
  submittedBy: 'cycle:c1',
};
const at = (iso: string) => () => new Date(iso);

describe('placeOnAgenda', () => {
  it("puts the item on the body's meeting of that day, once however often it is asked", async () => {
    const s = store(base, { ...base, id: 'other', bodyId: 'board' });
    const deps = { meetings: s.meetingsStore, now: at('2026-12-20T10:00:00Z') };
    expect(await placeOnAgenda(deps, request)).toEqual({ meetingId: base.id });
    expect(await placeOnAgenda(deps, request)).toEqual({ meetingId: base.id });
    expect(s.docs.get(base.id)!.items).toMatchObject([{ id: request.itemId, ask: 'decide', late: false }]);
    expect(s.saves()).toBe(1);
    expect(s.docs.get('other')!.items).toEqual([]);
  });

  it('is refused with a field message when the body has no open meeting that day', async () => {
    const s = store(base);
    const deps = { meetings: s.meetingsStore, now: at('2026-12-20T10:00:00Z') };
    const err = await placeOnAgenda(deps, { ...request, on: '2027-01-13T19:00:00+01:00' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fields.meeting).toMatch(/geen vergadering gepland/);
    expect(s.saves()).toBe(0);
  });

  it('is refused once the meeting has begun', async () => {
    const s = store(base);
    const err = await placeOnAgenda({ meetings: s.meetingsStore, now: at('2027-01-12T18:30:00Z') }, request).catch(
      (e) => e,
    );
    expect(err.fields.meeting).toMatch(/al begonnen/);
  });
});

describe('agendaItemState', () => {
  const item = {
    id: request.itemId,
    title: request.title,
    explanation: request.explanation,
    broughtBy: request.broughtBy,
    submittedBy: request.submittedBy,
    ask: 'decide' as const,
    late: false,
    at: '2026-12-20T10:00:00Z',
  };
  const placed: Meeting = { ...base, items: [item] };
  const state = (m: Meeting, now: string) =>
    agendaItemState({ meetings: store(m).meetingsStore, now: at(now) }, m.id, request.itemId);

  it('is not yet before the meeting, held once it has begun', async () => {
    expect(await state(placed, '2027-01-12T17:59:00Z')).toEqual({ ended: null, due: base.start });
    expect(await state(placed, '2027-01-12T18:00:00Z')).toEqual({ ended: 'held', at: base.start });
  });

  it('is handed back when the meeting is cancelled or the chair moves a late item to next month', async () => {
    expect(await state({ ...placed, status: 'closed', phase: 'cancelled' }, '2027-01-01T00:00:00Z')).toEqual({
      ended: 'returned',
    });
    const late = { ...placed, items: [{ ...item, late: true, chair: 'next-month' as const }] };
    expect(await state(late, '2027-01-01T00:00:00Z')).toEqual({ ended: 'returned' });
    // A late item the chair never accepted was not on the agenda the meeting held.
    const undecided = { ...placed, items: [{ ...item, late: true }] };
    expect(await state(undecided, '2027-01-12T19:00:00Z')).toEqual({ ended: 'returned' });
  });
});

describe('withdrawFromAgenda', () => {
  it('takes the item off an agenda still being filled, and leaves one that has gone out', async () => {
    const s = store(base, { ...base, id: 'sent', phase: 'invited' });
    const deps = { meetings: s.meetingsStore, now: at('2026-12-20T10:00:00Z') };
    await placeOnAgenda(deps, request);
    await withdrawFromAgenda(deps, base.id, request.itemId);
    expect(s.docs.get(base.id)!.items).toEqual([]);
    const item = { ...(await placeOnAgenda(deps, request)), id: request.itemId };
    s.docs.set('sent', { ...s.docs.get(base.id)!, id: 'sent', phase: 'invited' });
    await withdrawFromAgenda(deps, 'sent', item.id);
    expect(s.docs.get('sent')!.items.map((i) => i.id)).toEqual([request.itemId]);
  });
});
