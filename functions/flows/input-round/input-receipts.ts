/** The receipts of answers given through a link: their ledger key, and those still owed after mail was away. */
import { sendOwedReceipts } from '../../engine/pending-receipts';
import { inputReceiptMail } from './emails';
import { asksPeople, type InputRound } from './input-round';
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

/** The key of an answer's record on the round's trail: the round version that stored it. */
export const answeredKey = (version: number) => `v${String(version).padStart(6, '0')}:answered`;

/**
 * An answer given through a link whose page could not write its record (DynamoDB went away right
 * after the answer counted) is put on record by the round's next step, under the page's own key,
 * so it is written once. What the office wrote down has its own record, written with it.
 */
export async function recordUnrecordedAnswers(deps: InputRoundDeps, round: InputRound): Promise<void> {
  const answers = Object.entries(round.answers).filter(([, a]) => a.version !== undefined && !a.via);
  if (answers.length === 0) return;
  const recorded = new Set((await deps.inputs.listAudit(round.id)).map((e) => e.key));
  for (const [respondentId, a] of answers) {
    const key = answeredKey(a.version!);
    if (recorded.has(key)) continue;
    const who = asksPeople(round) ? { personId: respondentId } : { organisationId: respondentId };
    await deps.inputs.appendAudit(round.id, {
      key,
      at: a.at,
      kind: 'answered',
      actor: a.by,
      details: { ...who, kind: a.kind },
    });
  }
}
