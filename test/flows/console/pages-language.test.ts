/** The console in the office's language: Dutch words everywhere, dates entered in Amsterdam time. */
import { describe, expect, it } from 'vitest';
import { dossierPage, fromLocalInput, timelineCsv, toLocalInput } from '../../../functions/flows/console/round-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import { bodiesPage } from '../../../functions/flows/console/directory-pages';
import { inputPage, itemPage } from '../../../functions/flows/console/flow-pages';
import type { Body, Organisation } from '../../../functions/engine/directory';
import { advance, createRound, recordDecision } from '../../../functions/flows/approval-round/round';
import { ENGLISH, inputRound, item, main, round, T0 } from '../../support/console-pages';

describe('times entered in the console', () => {
  it('reads a date picker value as Amsterdam time, across the DST change', () => {
    expect(fromLocalInput('2026-03-28T19:00')).toBe('2026-03-28T19:00:00.000+01:00');
    expect(fromLocalInput('2026-03-29T19:00')).toBe('2026-03-29T19:00:00.000+02:00');
    expect(toLocalInput('2026-03-29T17:00:00Z')).toBe('2026-03-29T19:00');
    expect(fromLocalInput('29-03-2026 19:00')).toBeNull();
    expect(fromLocalInput('2026-02-30T10:00')).toBeNull();
  });
});

describe('Dutch everywhere on the console', () => {
  const nl = contextFor('nl', '/');
  const en = contextFor('en', '/');

  it('labels every step of an action item timeline in Dutch (English in the English console)', () => {
    const timeline = [
      'created',
      'reminded',
      'asked',
      'escalated',
      'answered',
      'extension-decided',
      'moved-by-office',
      'closed-by-office',
    ].map((kind, i) => ({
      key: `k${i}`,
      at: '2026-03-20T10:00:00Z',
      kind,
      actor: 'system',
      details: kind === 'escalated' ? { step: 'project-leader' } : {},
    }));
    const page = main(itemPage(nl, item(), [], [], timeline, T0));
    expect(page).not.toMatch(ENGLISH);
    expect(page).not.toMatch(/project-leader|extension-decided|by-office/);
    expect(page).toContain('Doorgezet naar de projectleider');
    expect(page).toContain('Herinnering klaargezet');
    const english = main(itemPage(en, item(), [], [], timeline, T0));
    expect(english).toContain('Passed on to the project leader');
  });

  it('shows an input round timeline in Dutch', () => {
    const timeline = [
      { key: 'a', at: '2026-03-01T10:00:00Z', kind: 'created', actor: 'o' },
      {
        key: 'b',
        at: '2026-03-02T10:00:00Z',
        kind: 'answered',
        actor: 'p1',
        details: { organisationId: 'woon', kind: 'delivered' },
      },
      {
        key: 'c',
        at: '2026-03-18T16:00:00Z',
        kind: 'escalated',
        actor: 'system',
        details: { organisationId: 'gemeente' },
      },
      // Stored under keys that do not sort by time: the page shows them in the order they happened.
      {
        key: 'closed',
        at: '2026-03-18T16:00:00Z',
        kind: 'closed',
        actor: 'system',
        details: { answered: 1, pending: 1 },
      },
      {
        key: 'mail:summary:office',
        at: '2026-03-18T16:00:01Z',
        kind: 'email',
        actor: 'system',
        details: { tag: 'notice', to: 'p***@example.org' },
      },
      { key: 'reminded:0', at: '2026-03-15T16:00:00Z', kind: 'reminded', actor: 'system', details: { partners: 1 } },
    ];
    const orgs = [
      { id: 'woon', name: 'Woon!', kind: 'housing', contactIds: [] },
      { id: 'gemeente', name: 'Gemeente', kind: 'municipality', contactIds: [] },
    ] as Organisation[];
    const page = main(inputPage(nl, inputRound(), orgs, timeline));
    expect(page).toContain('Verloop');
    expect(page).toContain('Uitvraag verstuurd');
    expect(page).toContain('Antwoord gegeven — Woon!');
    expect(page).toMatch(/Herinnering klaargezet .*Uitvraag gesloten .*Overzicht gestuurd aan het programmabureau/);
    expect(page).not.toContain('Stap in het verloop');
    expect(page).not.toMatch(ENGLISH);
  });

  it('writes the CSV headers in the console language', () => {
    const r = round('2026-04-01T10:00:00Z');
    const entry = [
      {
        key: 'k',
        at: '2026-03-20T10:00:00Z',
        kind: 'email',
        actor: 'system',
        details: { tag: 'invite', to: 'r***@example.org' },
      },
    ];
    const [head, row] = timelineCsv(nl, r, new Map(), entry).split('\r\n');
    expect(head).toBe('ronde,tijd,tijd_amsterdam,gebeurtenis,door,omschrijving');
    expect(row).toContain('uitnodiging');
    expect(row).not.toMatch(/invite|email/);
    const [english] = timelineCsv(en, r, new Map(), entry).split('\r\n');
    expect(english).toBe('round,time,time_amsterdam,event,actor,description');
  });

  it('counts one member as "1 lid", and says "1 bezwaar" / "1 objection"', () => {
    const body = (n: number) =>
      ({
        id: `b${n}`,
        name: `Groep ${n}`,
        kind: 'theme-group',
        members: Array.from({ length: n }, (_, i) => ({ personId: `p${i}`, role: 'member', voting: true })),
      }) as Body;
    const page = main(bodiesPage(nl, [body(1), body(2)]));
    expect(page).toContain('1 lid');
    expect(page).not.toContain('1 leden');
    expect(page).toContain('2 leden');
    expect(main(bodiesPage(en, [body(1)]))).toContain('1 member');
    expect(en.t.objectionsLine(1)).toBe('1 objection');
    expect(en.t.objectionsLine(2)).toBe('2 objections');
  });

  it('shows the stages of the dossier and its emails in Dutch', () => {
    let r = createRound(
      {
        id: 'r',
        title: 't',
        summary: 's',
        documents: [],
        approverIds: ['a', 'b'],
        rule: { type: 'consensus-then-majority', consentDeadline: '2026-03-22T10:00:00Z' },
        deadline: '2026-03-30T10:00:00Z',
        reminders: [],
        createdBy: 'o',
      },
      T0,
    );
    r = recordDecision(r, { approverId: 'a', choice: 'object', reason: 'Te duur' }, T0);
    r = advance(r, new Date('2026-03-22T10:00:00Z')).round;
    const timeline = [
      {
        key: 'm',
        at: '2026-03-20T10:00:00Z',
        kind: 'email',
        actor: 'system',
        details: { tag: 'invite', to: 'a***@example.org', personId: 'a' },
      },
    ];
    const page = main(
      dossierPage(
        nl,
        r,
        new Map([
          ['a', 'Ria'],
          ['b', 'Hamid'],
        ]),
        timeline,
        T0,
      ),
    );
    expect(page).not.toMatch(/invite →|majority:|consent:/);
    expect(page).toContain('Consentronde');
    expect(page).not.toMatch(ENGLISH);
  });
});
