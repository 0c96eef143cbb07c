/** The overview's rules for bounced addresses, stopped flows and cycle phases back with the office, and their lines. */
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../functions/engine/notice-store';
import type { CycleView, PhaseView } from '../../../functions/flows/cycle';
import {
  bouncedAddresses,
  bouncedPeopleIds,
  phasesBackWithOffice,
  stoppedFlows,
} from '../../../functions/flows/console/overview-office';
import { overviewPage } from '../../../functions/flows/console/overview-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import { inputRound, item, main, T0 } from '../../support/console-pages';

const daysAgo = (d: number) => new Date(T0.getTime() - d * 86400_000).toISOString();
const bounce = (at: string, people: { id: string; email: string }[], kind: Notice['kind'] = 'bounce'): Notice => ({
  id: `n-${at}`,
  at,
  kind,
  text: `${people.map((p) => p.email).join(', ')}: "Uitnodiging" kon niet worden bezorgd`,
  people,
});
const stopped = (flow: string, docId: string, at = daysAgo(1)): Notice => ({
  id: `stopped-${flow}-${docId}`,
  at,
  kind: 'stopped',
  text: `${flow} ${docId}`,
  flow,
  docId,
});
const RUBEN = { id: 'p-ruben', name: 'Ruben Kok', email: 'ruben.kok@example.org' };
const RIA = { id: 'p-ria', name: 'Ria Jansen', email: 'ria@example.org' };

describe('bounced addresses', () => {
  it('lists each person whose address bounced or drew a complaint, newest first, while they still have it', () => {
    const notices = [
      bounce(daysAgo(3), [{ id: 'p-ruben', email: 'Ruben.Kok@example.org' }]),
      bounce(daysAgo(1), [{ id: 'p-ruben', email: 'ruben.kok@example.org' }], 'complaint'),
      bounce(daysAgo(2), [{ id: 'p-ria', email: 'old.ria@example.org' }]),
      bounce(daysAgo(31), [{ id: 'p-ria', email: 'ria@example.org' }]),
      bounce(daysAgo(1), [{ id: 'p-gone', email: 'gone@example.org' }]),
    ];
    expect(bouncedAddresses(notices, [RUBEN, RIA], T0)).toEqual([
      { personId: 'p-ruben', name: 'Ruben Kok', email: 'ruben.kok@example.org', kind: 'complaint', at: daysAgo(1) },
    ]);
    // Ria's address was changed since (old.ria bounced), and her bounce of 31 days ago is past the window.
    expect(bouncedAddresses(notices, [RIA], T0)).toEqual([]);
  });

  it('reads only the people named by delivery notices, each once', () => {
    const notices = [bounce(daysAgo(1), [RUBEN, RIA]), bounce(daysAgo(2), [RUBEN]), stopped('follow-up', 'f-1')];
    expect(bouncedPeopleIds(notices)).toEqual(['p-ruben', 'p-ria']);
  });
});

describe('stopped flows', () => {
  const open = {
    items: [item({ id: 'f-open', what: 'Bankjes', status: 'open' }), item({ id: 'f-done', status: 'done' })],
    inputs: [
      inputRound({ id: 'u-open', title: 'Cijfers', status: 'open' }),
      inputRound({ id: 'u-closed', status: 'closed' }),
    ],
    meetings: [{ id: 'm-1', title: 'Kerngroep maart', status: 'open' }] as never[],
    cycles: [
      { id: 'c-1', status: 'running', name: { nl: 'SPUK-aanvraag', en: 'SPUK application' }, phases: [] },
    ] as never[],
  };

  it('lists what a watchdog handed to the office while it is still open, each once, with its page', () => {
    const notices = [
      stopped('follow-up', 'f-open'),
      stopped('follow-up', 'f-open', daysAgo(2)),
      stopped('follow-up', 'f-done'),
      stopped('input-round', 'u-open'),
      stopped('input-round', 'u-closed'),
      stopped('meeting', 'm-1'),
      stopped('cycle', 'c-1'),
      stopped('cycle', 'c-unknown'),
      stopped('elsewhere', 'x'),
      bounce(daysAgo(1), [RUBEN]),
    ];
    expect(stoppedFlows(notices, open).map((s) => [s.flow, s.title, s.href])).toEqual([
      ['follow-up', 'Bankjes', '/console/follow-ups/f-open'],
      ['input-round', 'Cijfers', '/console/input-rounds/u-open'],
      ['meeting', 'Kerngroep maart', '/console/meetings/m-1'],
      ['cycle', 'SPUK-aanvraag', '/console/cycles/c-1'],
    ]);
    expect(stoppedFlows([stopped('cycle', 'c-1')], open, 'en')[0].title).toBe('SPUK application');
  });
});

describe('cycle phases back with the office', () => {
  const phase = (key: string, facts: PhaseView['facts'], over: Partial<PhaseView> = {}) =>
    ({ key, title: { nl: `Fase ${key}`, en: `Phase ${key}` }, status: 'running', facts, ...over }) as PhaseView;
  const cycle = (status: CycleView['status'], phases: PhaseView[]) =>
    ({ id: `c-${status}`, status, name: { nl: 'Cyclus', en: 'Cycle' }, phases }) as unknown as CycleView;

  it('lists phases handed back, not approved, refused or the office’s own, not done, skipped or still running', () => {
    const at = daysAgo(1);
    const running = cycle('running', [
      phase('rejected', {
        startedAt: at,
        flow: { kind: 'approvalRound', id: 'r' },
        returnedAt: at,
        outcome: 'rejected',
      }),
      phase('returned', { startedAt: at, flow: { kind: 'followUp', id: 'f' }, returnedAt: at }),
      phase('refused', { startedAt: at, office: true, refused: { due: 'ligt in het verleden' } }),
      phase('move', { startedAt: at, flow: { kind: 'inputRound', id: 'u' }, moveRefused: { due: at, fields: {} } }),
      phase('publish', { startedAt: at, office: true }),
      phase('publishLater', { office: true }),
      phase('busy', { startedAt: at, flow: { kind: 'followUp', id: 'g' } }),
      phase('done', { startedAt: at, returnedAt: at, doneAt: at }),
      phase('skipped', { startedAt: at, office: true }, { skipped: { reason: 'x', by: 'o', at } }),
    ]);
    const back = phasesBackWithOffice([running, cycle('cancelled', running.phases), cycle('done', running.phases)]);
    expect(back.map((b) => [b.key, b.why])).toEqual([
      ['rejected', 'rejected'],
      ['returned', 'returned'],
      ['refused', 'refused'],
      ['move', 'moveRefused'],
      ['publish', 'office'],
    ]);
    expect(back[0]).toMatchObject({ href: '/console/cycles/c-running/phases/rejected', title: 'Fase rejected' });
    expect(phasesBackWithOffice([running], 'en')[0].title).toBe('Phase rejected');
  });
});

describe('the overview page with these lists', () => {
  it('shows each with its action, and a bounce listed with its person not again as undelivered email', () => {
    const notices = [bounce(daysAgo(1), [RUBEN]), bounce(daysAgo(1), [{ id: 'p-x', email: 'onbekend@example.org' }])];
    const page = overviewPage(contextFor('nl', '/console'), [], notices, T0, [], {
      bounced: bouncedAddresses(notices, [RUBEN], T0),
      stopped: [
        { flow: 'input-round', id: 'u-1', title: 'Cijfers', href: '/console/input-rounds/u-1', at: daysAgo(1) },
      ],
      phases: [
        {
          cycleId: 'c-1',
          cycle: 'SPUK-aanvraag',
          key: 'board',
          title: 'Besluit bestuur',
          href: '/console/cycles/c-1/phases/board',
          why: 'rejected',
          outcome: 'rejected',
        },
      ],
    });
    expect(page).toContain('<a href="/console/people/p-ruben">Adres aanpassen</a>');
    expect(page).toContain('<a href="/console/input-rounds/u-1">Bekijken</a>');
    expect(page).toContain('<a href="/console/cycles/c-1/phases/board">Naar de fase</a>');
    const text = main(page);
    expect(text).toContain('Ruben Kok (ruben.kok@example.org) — de e-mail kwam terug');
    expect(text).toContain('Uitvraag “Cijfers” — twee keer gestopt');
    expect(text).toMatch(/SPUK-aanvraag: Besluit bestuur — de ronde had geen akkoord \(\w[^)]*\): besluit wat nu/);
    expect(text).not.toContain('Niets bijzonders vandaag');
    const undelivered = text.slice(text.indexOf('E-mail niet bezorgd'));
    expect(undelivered).toContain('onbekend@example.org');
    expect(undelivered).not.toContain('ruben.kok@example.org');
    const en = overviewPage(contextFor('en', '/console'), [], notices, T0, [], {
      bounced: bouncedAddresses(notices, [RUBEN], T0),
    });
    expect(main(en)).toContain('Email address not working');
    expect(en).toContain('Fix the address');
  });
});
