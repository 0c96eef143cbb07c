/** The decision dossier and the CSV export of a round: every answer, every email, safe cells. */
import { describe, expect, it } from 'vitest';
import { dossierPage, timelineCsv } from '../../../functions/flows/console/round-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import { advance, createRound, recordDecision } from '../../../functions/flows/approval-round/round';
import { labelled, ROUND_LABELS } from '../../../functions/engine/timeline-labels';
import { main, round, T0 } from '../../support/console-pages';

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
    expect(labelled(ROUND_LABELS, [stage, objected], 'nl').map((e) => e.label)).toEqual([
      'Stemming gestart: geen overeenstemming',
      'Stemming gestart na bezwaar',
    ]);
    expect(labelled(ROUND_LABELS, [stage], 'en')[0].label).toBe('Vote started: no consensus');
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
