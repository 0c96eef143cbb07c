/** Pure parts of the console: what the overview flags, time input in Amsterdam time, CSV safety. */
import { describe, expect, it } from 'vitest';
import { closingWithoutQuorum } from '../../functions/console/overview-pages';
import { fromLocalInput, timelineCsv, toLocalInput } from '../../functions/console/round-pages';
import { contextFor } from '../../functions/console/ui';
import { createRound, recordDecision } from '../../functions/domain/round';

const T0 = new Date('2026-03-20T10:00:00Z');
const round = (deadline: string) => createRound({ id: 'r', title: 't', summary: 's', documents: [], approverIds: ['a', 'b', 'c', 'd'], rule: { type: 'majority' }, deadline, reminders: [], createdBy: 'o' }, T0);

describe('overview', () => {
  it('flags open rounds closing within three days that have not reached quorum yet', () => {
    const soon = round('2026-03-22T10:00:00Z');
    const later = round('2026-04-22T10:00:00Z');
    let enough = round('2026-03-22T10:00:00Z');
    for (const id of ['a', 'b', 'c']) enough = recordDecision(enough, { approverId: id, choice: 'abstain' }, T0);
    expect(closingWithoutQuorum([soon, later, enough], T0)).toEqual([soon]);
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
    const csv = timelineCsv(contextFor('nl', '/'), round('2026-04-01T10:00:00Z'), new Map([['p1', '=HYPERLINK("x")']]), [
      { key: 'k', at: '2026-03-20T10:00:00Z', kind: 'decided', actor: 'p1', details: { choice: 'approve', reason: 'ja, "zeker"' } },
    ]);
    const [, row] = csv.trim().split('\r\n');
    expect(row).toContain(`'=HYPERLINK(""x"")`);
    expect(row).toContain('""zeker""');
  });
});
