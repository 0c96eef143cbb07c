/** How a phase reads its round: only an approval is done; a rejection or a stop hands it back to the office. */
import { describe, expect, it } from 'vitest';
import { approvalRoundState, inputRoundState } from '../../../functions/flows/cycle/phase-flows';

const deadline = '2027-02-25T15:00:00.000Z';
const closedAt = '2027-02-25T15:00:01.000Z';

describe("a phase's approval round", () => {
  it('runs until it closes, then is done only when approved', () => {
    expect(approvalRoundState({ status: 'open', deadline })).toEqual({ ended: null, due: deadline });
    expect(approvalRoundState({ status: 'closed', deadline, closedAt, outcome: 'approved' })).toEqual({
      ended: 'done',
      at: closedAt,
      outcome: 'approved',
    });
  });

  it('is handed back, with its outcome, when rejected, without quorum or stopped', () => {
    for (const outcome of ['rejected', 'no-quorum', 'no-response', 'cancelled'] as const)
      expect(approvalRoundState({ status: 'closed', deadline, closedAt, outcome })).toEqual({
        ended: 'returned',
        at: closedAt,
        outcome,
      });
  });
});

describe("a phase's input round", () => {
  it('is done when it closed on its date, handed back when it was stopped before', () => {
    expect(inputRoundState({ status: 'open', deadline })).toEqual({ ended: null, due: deadline });
    expect(inputRoundState({ status: 'closed', deadline, closedAt })).toEqual({ ended: 'done', at: closedAt });
    const cancelled = { by: 'office', at: closedAt, reason: 'Gaat niet door' };
    expect(inputRoundState({ status: 'closed', deadline, closedAt, cancelled })).toEqual({
      ended: 'returned',
      at: closedAt,
    });
  });
});
