/** The receipts of answers given through a link: their ledger key, and those still owed after mail was away. */
import { sendOwedReceipts } from '../../engine/pending-receipts';
import { inputReceiptMail } from './emails';
import type { InputRound } from './input-round';
import type { InputRoundDeps } from './ports';

/** Keyed by the round version that recorded the answer: that conditional write is one writer's alone. */
export const inputReceiptKey = (personId: string, version: number) => `receipt:v${version}:${personId}`;

/**
 * Send the receipts of answers that are stored but whose receipt is not on record (see
 * engine/pending-receipts.ts). `last`: the round's close, whose failure fails the step for a retry.
 */
export function sendOwedInputReceipts(deps: InputRoundDeps, round: InputRound, last: boolean): Promise<number> {
  const owed = Object.values(round.answers).flatMap((answer) =>
    answer.version === undefined
      ? []
      : [{ key: inputReceiptKey(answer.by, answer.version), personId: answer.by, at: answer.at, answer }],
  );
  return sendOwedReceipts(
    deps,
    deps.inputs,
    round.id,
    owed,
    (person, { answer }) => inputReceiptMail(round, { name: person.name, lang: person.lang }, answer),
    { last },
  );
}
