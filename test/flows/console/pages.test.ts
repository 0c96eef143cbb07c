/** Pure parts of the console: what the overview flags, time input in Amsterdam time, CSV safety. */
import { describe, expect, it } from 'vitest';
import {
  closedWithoutDecision,
  closingWithoutQuorum,
  overviewPage,
  waitingBeyondDate,
} from '../../../functions/flows/console/overview-pages';
import { fromLocalInput, timelineCsv, toLocalInput } from '../../../functions/flows/console/round-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import { bodiesPage } from '../../../functions/flows/console/directory-pages';
import { inputPage, itemPage, itemsPage, overdueItems } from '../../../functions/flows/console/flow-pages';
import { dossierPage } from '../../../functions/flows/console/round-pages';
import type { Body, Organisation } from '../../../functions/engine/directory';
import type { ActionItem } from '../../../functions/flows/follow-up/follow-up';
import type { InputRound } from '../../../functions/flows/input-round/input-round';
import type { Meeting } from '../../../functions/flows/meeting/meeting';
import { DEFAULT_LEAD_TIMES } from '../../../functions/flows/meeting/series';
import { advance, createRound, recordDecision } from '../../../functions/flows/approval-round/round';
import { labelled } from '../../../functions/engine/timeline-labels';

const T0 = new Date('2026-03-20T10:00:00Z');
const round = (deadline: string) =>
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

describe('times entered in the console', () => {
  it('reads a date picker value as Amsterdam time, across the DST change', () => {
    expect(fromLocalInput('2026-03-28T19:00')).toBe('2026-03-28T19:00:00.000+01:00');
    expect(fromLocalInput('2026-03-29T19:00')).toBe('2026-03-29T19:00:00.000+02:00');
    expect(toLocalInput('2026-03-29T17:00:00Z')).toBe('2026-03-29T19:00');
    expect(fromLocalInput('29-03-2026 19:00')).toBeNull();
    expect(fromLocalInput('2026-02-30T10:00')).toBeNull();
  });
});

describe('CSV export', () => {
  it('quotes separators and neutralises cells that a spreadsheet would run as a formula', () => {
    const csv = timelineCsv(
      contextFor('nl', '/'),
      round('2026-04-01T10:00:00Z'),
      new Map([['p1', '=HYPERLINK("x")']]),
      [
        {
          key: 'k',
          at: '2026-03-20T10:00:00Z',
          kind: 'decided',
          actor: 'p1',
          details: { choice: 'approve', reason: 'ja, "zeker"' },
        },
      ],
    );
    const [, row] = csv.trim().split('\r\n');
    expect(row).toContain(`'=HYPERLINK(""x"")`);
    expect(row).toContain('""zeker""');
  });
});

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
const ENGLISH = new RegExp(`\\b(${STORED.join('|')})\\b`);
const text = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const main = (page: string) => text(page.slice(page.indexOf('<main'), page.indexOf('</main>')));

const item = (over: Partial<ActionItem> = {}): ActionItem => ({
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
const inputRound = (over: Partial<InputRound> = {}): InputRound => ({
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

describe('decision dossier', () => {
  it('shows every answer with its reason and comment, who did not answer, and each email by recipient name', () => {
    let r = createRound(
      {
        id: 'r',
        title: 'Convenant',
        summary: 's',
        documents: [],
        approverIds: ['a', 'b', 'c'],
        rule: { type: 'consensus-then-majority', consentDeadline: '2026-03-22T10:00:00Z' },
        deadline: '2026-03-30T10:00:00Z',
        reminders: [],
        createdBy: 'o',
      },
      T0,
    );
    r = recordDecision(r, { approverId: 'a', choice: 'object', reason: 'Te duur voor de wijk' }, T0);
    r = advance(r, new Date('2026-03-22T10:00:00Z')).round;
    r = recordDecision(
      r,
      { approverId: 'b', choice: 'approve', comment: 'Wel graag evalueren' },
      new Date('2026-03-23T10:00:00Z'),
    );
    const timeline = [
      {
        key: 'd1',
        at: '2026-03-20T10:00:00Z',
        kind: 'decided',
        actor: 'a',
        details: { choice: 'object', stage: 'consent', reason: 'Te duur voor de wijk' },
      },
      {
        key: 'd2',
        at: '2026-03-23T10:00:00Z',
        kind: 'decided',
        actor: 'b',
        details: { choice: 'approve', stage: 'majority', comment: 'Wel graag evalueren' },
      },
      // Two people whose masked addresses are the same: the dossier tells them apart by name.
      {
        key: 'm1',
        at: '2026-03-20T10:00:00Z',
        kind: 'email',
        actor: 'system',
        details: { tag: 'invite', to: 'a***@example.org', personId: 'a' },
      },
      {
        key: 'm2',
        at: '2026-03-20T10:00:00Z',
        kind: 'email',
        actor: 'system',
        details: { tag: 'invite', to: 'a***@example.org', personId: 'c' },
      },
      {
        key: 'm3',
        at: '2026-03-21T10:00:00Z',
        kind: 'email',
        actor: 'system',
        details: { tag: 'reminder', to: 'a***@example.org', personId: 'c' },
      },
    ];
    const names = new Map([
      ['a', 'Anouk'],
      ['b', 'Bram'],
      ['c', 'Ahmed'],
    ]);
    const page = dossierPage(contextFor('nl', '/'), r, names, timeline, T0);
    expect(page).toMatch(/<td>Anouk<\/td><td>Consentronde<\/td><td>Ik heb bezwaar<\/td><td>Te duur voor de wijk<\/td>/);
    expect(page).toMatch(/<td>Bram<\/td><td>Stemming<\/td><td>Akkoord<\/td><td><\/td><td>Wel graag evalueren<\/td>/);
    // Consent stage: Bram and Ahmed said nothing. In the vote Anouk's objection counts as 'niet
    // akkoord' until she changes it, so only Ahmed has not answered there.
    expect(page).toContain('Wie reageerde niet:</strong> Bram, Ahmed');
    expect(page).toContain('Wie reageerde niet:</strong> Ahmed');
    expect(page).toContain('Meegeteld uit de consentronde:</strong> Anouk (niet akkoord)');
    expect(page).toMatch(/<td>Anouk<\/td><td>uitnodiging<\/td>/);
    expect(page).toMatch(/<td>Ahmed<\/td><td>uitnodiging<\/td>/);
    expect(page).toMatch(/<td>Ahmed<\/td><td>herinnering<\/td>/);
    expect(main(page)).toContain('0 akkoord, 0 niet akkoord, 0 onthouden, 1 bezwaar, 2 geen reactie (van 3)');
  });

  it('says why the vote started, in words: an objection, or no consensus when nobody objected', () => {
    let r = createRound(
      {
        id: 'r',
        title: 'Stil',
        summary: 's',
        documents: [],
        approverIds: ['a', 'b'],
        rule: { type: 'consensus-then-majority', quorum: 0.5, consentDeadline: '2026-03-22T10:00:00Z' },
        deadline: '2026-03-30T10:00:00Z',
        reminders: [],
        createdBy: 'o',
      },
      T0,
    );
    r = advance(r, new Date('2026-03-22T10:00:00Z')).round;
    expect(r.stages[0]).toMatchObject({ result: 'no-consensus', objections: [] });
    const stage = {
      key: 'stage:majority',
      at: '2026-03-22T10:00:00Z',
      kind: 'stage',
      actor: 'system',
      details: { stage: 'majority', previous: r.stages[0] },
    };
    const objected = { ...stage, details: { stage: 'majority', previous: { ...r.stages[0], result: 'objection' } } };
    const names = new Map([
      ['a', 'Anouk'],
      ['b', 'Bram'],
    ]);
    const nlPage = main(dossierPage(contextFor('nl', '/'), r, names, [stage], T0));
    expect(nlPage).toContain('Stemming gestart: geen overeenstemming');
    expect(nlPage).not.toContain('na bezwaar');
    // The consent stage's result in words, never the stored value.
    expect(nlPage).not.toContain('no-consensus');
    expect(nlPage).toContain('Uitkomst: er was geen overeenstemming, daarom volgde een stemming.');
    const enPage = main(dossierPage(contextFor('en', '/'), r, names, [stage], T0));
    expect(enPage).toContain('Vote started: no consensus');
    expect(enPage).not.toContain('no-consensus');
    expect(enPage).toContain('Outcome: there was no consensus, so a vote followed.');
    const csv = timelineCsv(contextFor('nl', '/'), r, names, [stage, objected]).split('\r\n');
    expect(csv[1]).toContain(',Stemming gestart: geen overeenstemming,');
    expect(csv[2]).toContain(',Stemming gestart na bezwaar,');
    // The API's label says the same.
    expect(labelled('round', [stage, objected], 'nl').map((e) => e.label)).toEqual([
      'Stemming gestart: geen overeenstemming',
      'Stemming gestart na bezwaar',
    ]);
    expect(labelled('round', [stage], 'en')[0].label).toBe('Vote started: no consensus');
  });

  it('names the programme office as the recipient of its own emails', () => {
    const r = { ...round('2026-04-01T10:00:00Z'), status: 'closed' as const, outcome: 'no-quorum' as const };
    const office = {
      key: 'mail:outcome:office',
      at: '2026-04-01T10:00:00Z',
      kind: 'email',
      actor: 'system',
      details: { tag: 'outcome', to: 'p***@example.org', office: true },
    };
    // Stored before the office mark existed: known by the round's office email keys.
    const older = { ...office, key: 'mail:workflow-failed', details: { tag: 'notice', to: 'p***@example.org' } };
    const page = dossierPage(contextFor('nl', '/'), r, new Map(), [office, older], T0);
    expect(page).toMatch(/<td>Programmabureau<\/td><td>uitkomst<\/td>/);
    expect(page).toMatch(/<td>Programmabureau<\/td><td>bericht<\/td>/);
    expect(page).not.toContain('p***@example.org');
    expect(dossierPage(contextFor('en', '/'), r, new Map(), [office], T0)).toMatch(
      /<td>Programme office<\/td><td>outcome<\/td>/,
    );
    expect(timelineCsv(contextFor('nl', '/'), r, new Map(), [office])).toContain('uitkomst aan Programmabureau');
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
        ],
        meetings: [
          meeting(),
          meeting({ id: 's--2', end: '2026-03-19T20:00:00Z', start: '2026-03-19T18:00:00Z' }),
          meeting({ id: 's--3', phase: 'review' }),
        ],
      },
      T0,
    );
    expect(waiting.map((w) => w.id)).toEqual(['f-wait', 'i-late', 'i-promised', 's--1']);
    const page = main(overviewPage(nl, [], [], T0, [], { all: [noQuorum()], waiting }));
    expect(page).toContain('Gesloten zonder besluit');
    expect(page).toContain('Wacht op iemand, over de datum');
    expect(page).toContain('wacht op de projectleider');
    expect(page).toContain('1 partner heeft nog niet geantwoord');
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
