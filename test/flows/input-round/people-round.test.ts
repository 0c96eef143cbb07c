/**
 * Input rounds that ask people (residents, resident members): each answers for themselves with a
 * text, the office records written input for them, reminders go only to the silent, and the
 * erasure takes their words out. The domain rules, and the office's use cases on an in-memory store.
 */
import { describe, expect, it } from 'vitest';
import {
  advanceInputRound,
  eraseInputOf,
  InputRejected,
  type InputRound,
  pendingPartners,
  recordInput,
} from '../../../functions/flows/input-round/input-round';
import { recordWrittenInput } from '../../../functions/flows/input-round/written-input';
import { CreatePeopleInputRound, MAX_PEOPLE } from '../../../functions/flows/input-round/schemas';
import { erasePersonInput, personInput } from '../../../functions/flows/input-round/personal-input';
import { inputRequestMail, inputSummaryMail } from '../../../functions/flows/input-round/emails';
import type { InputRoundDeps, InputRoundStore } from '../../../functions/flows/input-round/ports';
import type { AuditEntry } from '../../../functions/engine/ports';
import { ConflictError, NotFoundError, ValidationError } from '../../../functions/platform/errors';

const NOW = new Date('2026-12-03T10:00:00Z');
const round = (over: Partial<InputRound> = {}): InputRound => ({
  id: 'u-1',
  title: 'Criteria van bewoners',
  request: 'Welke criteria vindt u belangrijk?',
  organisationIds: [],
  personIds: ['p-ria', 'p-hamid'],
  deadline: '2026-12-13T16:00:00.000Z',
  reminders: ['P3D'],
  escalate: false,
  bodyId: 'kerngroep',
  status: 'open',
  answers: {},
  remindersSent: [],
  createdAt: '2026-12-03T09:00:00.000Z',
  createdBy: 'office',
  version: 1,
  ...over,
});
const rejected = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    if (err instanceof InputRejected) return err.reason;
    throw err;
  }
  return 'accepted';
};

describe('a round of people', () => {
  it("records a person's own text for them, with the version its receipt is keyed by", () => {
    const r = recordInput(round(), 'p-ria', { kind: 'answered', text: '  Veilig spelen op straat ', by: 'p-ria' }, NOW);
    expect(r.answers['p-ria']).toEqual({
      kind: 'answered',
      text: 'Veilig spelen op straat',
      by: 'p-ria',
      at: NOW.toISOString(),
      version: 2,
    });
    expect(pendingPartners(r)).toEqual(['p-hamid']);
  });

  it("keeps only the text of a person's answer: a link or date posted along is dropped", () => {
    const r = recordInput(
      round(),
      'p-ria',
      { kind: 'answered', text: 'Groen', url: 'javascript:x', date: '2027-01-01T00:00:00Z', by: 'p-ria' },
      NOW,
    );
    expect(r.answers['p-ria']).not.toHaveProperty('url');
    expect(r.answers['p-ria']).not.toHaveProperty('date');
  });

  it('refuses an empty text, a partner kind, someone not asked, and a closed round', () => {
    expect(rejected(() => recordInput(round(), 'p-ria', { kind: 'answered', text: ' ', by: 'p-ria' }, NOW))).toBe(
      'text-required',
    );
    expect(rejected(() => recordInput(round(), 'p-ria', { kind: 'not-applicable', by: 'p-ria' }, NOW))).toBe(
      'not-asked',
    );
    expect(rejected(() => recordInput(round(), 'p-kees', { kind: 'answered', text: 'x', by: 'p-kees' }, NOW))).toBe(
      'not-asked',
    );
    const late = new Date('2026-12-13T16:00:00Z');
    expect(rejected(() => recordInput(round(), 'p-ria', { kind: 'answered', text: 'x', by: 'p-ria' }, late))).toBe(
      'closed',
    );
  });

  it('keeps partner rounds as they were: an "answered" is not a partner answer', () => {
    const partners = round({ personIds: undefined, organisationIds: ['woon'] });
    expect(rejected(() => recordInput(partners, 'woon', { kind: 'answered', text: 'x', by: 'p-ruben' }, NOW))).toBe(
      'not-asked',
    );
    expect(pendingPartners(partners)).toEqual(['woon']);
  });

  it('reminds at its slot while someone is silent, and closes at the deadline', () => {
    const r = recordInput(round(), 'p-ria', { kind: 'answered', text: 'Groen', by: 'p-ria' }, NOW);
    const reminded = advanceInputRound(r, new Date('2026-12-10T16:00:00Z'));
    expect(reminded.lastReminder).toBe('0@2026-12-13T16:00:00.000Z');
    expect(pendingPartners(reminded)).toEqual(['p-hamid']);
    expect(advanceInputRound(reminded, new Date('2026-12-13T16:00:00Z')).status).toBe('closed');
  });

  it("erases a person's text, keeping that and how they answered; a second erasure changes nothing", () => {
    const r = recordInput(
      round(),
      'p-hamid',
      { kind: 'answered', text: 'Mijn buurman …', by: 'p-hamid', via: 'letter', recordedBy: 'office' },
      NOW,
    );
    const erased = eraseInputOf(r, 'p-hamid', NOW)!;
    expect(erased.answers['p-hamid']).toEqual({
      kind: 'answered',
      by: 'p-hamid',
      at: NOW.toISOString(),
      via: 'letter',
      recordedBy: 'office',
      erasedAt: NOW.toISOString(),
    });
    expect(eraseInputOf(erased, 'p-hamid', NOW)).toBeNull();
    expect(eraseInputOf(erased, 'p-ria', NOW)).toBeNull();
  });

  it("words its emails for a resident, and the office's summary without their words", () => {
    const ask = inputRequestMail(round(), { name: 'Ria', lang: 'nl' }, '', 'https://x/u/t', 'ask', NOW);
    expect(ask.subject).toBe('Wat vindt u? Criteria van bewoners');
    expect(ask.text).toContain('Wij horen graag wat u vindt.');
    expect(ask.text).toContain('Deze link is alleen voor u.');
    expect(ask.text).not.toMatch(/uitvraag|aanleveren|organisatie/i);
    const multi = round({ request: '- Welke criteria?\n- Wat moet erin?' });
    const html = inputRequestMail(multi, { name: 'Ria', lang: 'nl' }, '', 'https://x/u/t', 'remind', NOW).html;
    expect(html).toContain('<p>- Welke criteria?</p>');
    expect(html).toContain('<p>- Wat moet erin?</p>');
    let r = recordInput(round(), 'p-ria', { kind: 'answered', text: 'Geheim', by: 'p-ria' }, NOW);
    r = recordInput(
      r,
      'p-hamid',
      { kind: 'answered', text: 'Ook', by: 'p-hamid', via: 'letter', recordedBy: 'o' },
      NOW,
    );
    const names = new Map([
      ['p-ria', 'Ria Jansen'],
      ['p-hamid', 'Hamid Ouali'],
    ]);
    const summary = inputSummaryMail(r, names).text;
    expect(summary).toContain('Ria Jansen: beantwoord via de link');
    expect(summary).toContain('Hamid Ouali: beantwoord per brief');
    expect(summary).not.toContain('Geheim');
  });
});

/** A versioned store in memory (copies in and out), with the round's audit trail. */
function memoryDeps(...rounds: InputRound[]) {
  const docs = new Map(rounds.map((r) => [r.id, structuredClone(r)]));
  const audits: AuditEntry[] = [];
  const inputs = {
    get: async (id: string) => structuredClone(docs.get(id) ?? null),
    list: async () => [...docs.values()].map((r) => structuredClone(r)),
    save: async (next: InputRound, expected: number) => {
      if (docs.get(next.id)?.version !== expected) return { ok: false as const };
      docs.set(next.id, structuredClone(next));
      return { ok: true as const };
    },
    appendAudit: async (_id: string, e: AuditEntry) => void audits.push(e),
    listAudit: async () => [...audits],
  } as unknown as InputRoundStore;
  const deps = { inputs, now: () => NOW } as unknown as InputRoundDeps;
  return { deps, docs, audits };
}

describe('the office records written input', () => {
  it("as the person's answer, saying how it came in and who wrote it down, on the record", async () => {
    const { deps, docs, audits } = memoryDeps(round());
    const after = await recordWrittenInput(
      deps,
      'u-1',
      { personId: 'p-hamid', text: 'Meer bankjes', via: 'letter', receivedAt: '2026-12-01T12:00:00+01:00' },
      'office',
    );
    expect(after.answers['p-hamid']).toEqual({
      kind: 'answered',
      text: 'Meer bankjes',
      by: 'p-hamid',
      at: NOW.toISOString(),
      via: 'letter',
      recordedBy: 'office',
      receivedAt: '2026-12-01T11:00:00.000Z',
    });
    expect(docs.get('u-1')!.version).toBe(2);
    expect(audits).toEqual([
      expect.objectContaining({
        key: 'v000002:recorded',
        kind: 'recorded',
        actor: 'office',
        details: { personId: 'p-hamid', via: 'letter' },
      }),
    ]);
    // The office may correct its own record.
    const again = await recordWrittenInput(
      deps,
      'u-1',
      { personId: 'p-hamid', text: 'Twee bankjes', via: 'phone' },
      'office',
    );
    expect(again.answers['p-hamid']).toMatchObject({ text: 'Twee bankjes', via: 'phone' });
    // No receipt is owed for it: the office answers a letter the way it came in.
    expect(again.answers['p-hamid']).not.toHaveProperty('version');
  });

  it('refuses, changing nothing: someone not asked, a moment to come, a partner round, an unknown round', async () => {
    const partners = round({ id: 'u-2', personIds: undefined, organisationIds: ['woon'] });
    const { deps, docs, audits } = memoryDeps(round(), partners);
    const write = (id: string, over: object = {}) =>
      recordWrittenInput(deps, id, { personId: 'p-ria', text: 'Brief', via: 'letter', ...over }, 'office');
    await expect(write('u-1', { personId: 'p-kees' })).rejects.toThrow(ValidationError);
    await expect(write('u-1', { receivedAt: '2026-12-04T10:00:00+01:00' })).rejects.toThrow(ValidationError);
    await expect(write('u-2')).rejects.toThrow(ValidationError);
    await expect(write('u-none')).rejects.toThrow(NotFoundError);
    expect(docs.get('u-1')!.version).toBe(1);
    expect(audits).toEqual([]);
  });

  it("never writes over a person's own answer, nor into a closed round (409)", async () => {
    const own = recordInput(round(), 'p-ria', { kind: 'answered', text: 'Mijn eigen woorden', by: 'p-ria' }, NOW);
    const { deps, docs } = memoryDeps(own, round({ id: 'u-3', status: 'closed' }));
    const write = (id: string) =>
      recordWrittenInput(deps, id, { personId: 'p-ria', text: 'Brief', via: 'letter' }, 'office');
    await expect(write('u-1')).rejects.toThrow(ConflictError);
    await expect(write('u-3')).rejects.toThrow(ConflictError);
    expect(docs.get('u-1')!.answers['p-ria'].text).toBe('Mijn eigen woorden');
  });
});

describe("a person's input in their export and erasure", () => {
  it('lists the rounds that asked them with their answer, and erases its text once', async () => {
    const answered = recordInput(round(), 'p-ria', { kind: 'answered', text: 'Groen plein', by: 'p-ria' }, NOW);
    const partner = recordInput(
      round({ id: 'u-2', personIds: undefined, organisationIds: ['woon'] }),
      'woon',
      { kind: 'not-applicable', by: 'p-ria' },
      NOW,
    );
    const { deps, docs, audits } = memoryDeps(answered, partner, round({ id: 'u-3', personIds: ['p-kees'] }));
    const mine = await personInput(deps, 'p-ria');
    expect(mine.inputRounds.map((r) => [r.roundId, r.askedAs, r.answers.map((a) => a.text ?? a.kind)])).toEqual([
      ['u-1', 'person', ['Groen plein']],
      ['u-2', 'partner-contact', ['not-applicable']],
    ]);
    expect(await erasePersonInput(deps, 'p-ria')).toBe(1);
    expect(docs.get('u-1')!.answers['p-ria']).not.toHaveProperty('text');
    expect(docs.get('u-1')!.answers['p-ria'].erasedAt).toBe(NOW.toISOString());
    expect(audits.map((a) => a.kind)).toEqual(['erased']);
    expect(await erasePersonInput(deps, 'p-ria')).toBe(0);
    expect(JSON.stringify(await personInput(deps, 'p-ria'))).not.toContain('Groen plein');
  });
});

describe('a round of people, at its largest', () => {
  it("stays within DynamoDB's 400 KB item with every answer at its longest, in a script of two bytes", () => {
    const people = Array.from({ length: MAX_PEOPLE }, (_, i) => `p-${i}`);
    let r = round({ personIds: people, request: 'و'.repeat(5000) });
    for (const p of people) r = recordInput(r, p, { kind: 'answered', text: 'و'.repeat(2000), by: p }, NOW);
    expect(new TextEncoder().encode(JSON.stringify(r)).length).toBeLessThan(400 * 1024);
  });

  it('takes no more people than fit', () => {
    const req = {
      title: 'Criteria',
      request: 'Wat vindt u?',
      deadline: '2026-12-13T17:00:00+01:00',
      bodyId: 'kerngroep',
    };
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `p-${i}`);
    expect(CreatePeopleInputRound.safeParse({ ...req, personIds: ids(MAX_PEOPLE) }).success).toBe(true);
    expect(CreatePeopleInputRound.safeParse({ ...req, personIds: ids(MAX_PEOPLE + 1) }).success).toBe(false);
  });
});
