/**
 * The programme office records what a person gave outside their link — a letter, an email, a
 * conversation — as their answer in a round of people: who gave it, how it came in, and who wrote
 * it down, in one conditional write with its record on the round's timeline. No receipt: the
 * office answers a letter the way it came in (and the API sends no mail).
 */
import { ConflictError, ValidationError } from '../../platform/errors';
import { loadInput, mutateInput } from './input-access';
import { asksPeople, InputRejected, type InputRound, recordInput, type WrittenVia } from './input-round';
import type { InputRoundDeps } from './ports';

export interface WrittenInputRequest {
  personId: string;
  text: string;
  via: WrittenVia;
  /** When it came in, if not now (a letter opened today that came last week). */
  receivedAt?: string;
}

/** Their own words through their link are theirs: the office does not write over them. */
class OwnAnswer extends Error {}

export async function recordWrittenInput(
  deps: InputRoundDeps,
  id: string,
  req: WrittenInputRequest,
  actor: string,
): Promise<InputRound> {
  const round = await loadInput(deps, id);
  const now = deps.now();
  if (!asksPeople(round)) throw new ValidationError({ personId: 'this round asks partners, not people' });
  if (!round.personIds!.includes(req.personId))
    throw new ValidationError({ personId: `"${req.personId}" was not asked in this round` });
  if (req.receivedAt && Date.parse(req.receivedAt) > now.getTime())
    throw new ValidationError({ receivedAt: 'must not lie in the future' });
  let changed;
  try {
    changed = await mutateInput(deps, id, (r) => {
      const earlier = r.answers[req.personId];
      if (earlier && !earlier.recordedBy) throw new OwnAnswer();
      return recordInput(
        r,
        req.personId,
        {
          kind: 'answered',
          text: req.text,
          by: req.personId,
          via: req.via,
          recordedBy: actor,
          ...(req.receivedAt ? { receivedAt: new Date(req.receivedAt).toISOString() } : {}),
        },
        now,
      );
    });
  } catch (err) {
    if (err instanceof OwnAnswer)
      throw new ConflictError('This person has answered through their own link; their answer is not replaced.');
    if (err instanceof InputRejected && err.reason === 'closed')
      throw new ConflictError('The input round is closed; nothing was recorded.');
    if (err instanceof InputRejected) throw new ValidationError({ text: err.reason });
    throw err;
  }
  const after = changed!.after;
  await deps.inputs.appendAudit(after.id, {
    key: `v${String(after.version).padStart(6, '0')}:recorded`,
    at: now.toISOString(),
    kind: 'recorded',
    actor,
    details: { personId: req.personId, via: req.via },
  });
  return after;
}
