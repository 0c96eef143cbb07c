/** Which execution names belong to a document (engine/watchdog.ts): the names the flows give their executions. */
import { describe, expect, it } from 'vitest';
import { isExecutionOf } from '../../functions/engine/watchdog';
import { nextExecutionName, restartExecutionName } from '../../functions/engine/workflow-wait';

describe('isExecutionOf', () => {
  const day = new Date('2027-03-12T00:00:00Z');

  it('knows the first, continued, restarted and continued-restarted executions of a document', () => {
    const restarted = restartExecutionName('f-1', day);
    for (const name of ['f-1', nextExecutionName('f-1', 'f-1'), restarted, nextExecutionName('f-1', restarted)])
      expect(isExecutionOf('f-1', name), name).toBe(true);
  });

  it('does not take another document for it, also one whose id starts the same', () => {
    for (const name of ['f-10', 'f-1x', 'f-10--2', 'f-1--x', 'f-1--r2027', 'g--f-1'])
      expect(isExecutionOf('f-1', name), name).toBe(false);
    // An id with characters a pattern would read (a meeting's `<series>--<date>`, dots).
    expect(isExecutionOf('s.1--2027-01-12', 's.1--2027-01-12--2')).toBe(true);
    expect(isExecutionOf('s.1--2027-01-12', 'sx1--2027-01-12')).toBe(false);
  });
});
