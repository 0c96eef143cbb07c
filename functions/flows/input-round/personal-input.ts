/**
 * A person's input in input rounds, for their export and erasure (AVG; directory/personal-data.ts):
 * the rounds that asked them, and the answers they gave — their own, or for their partner. Erasing
 * takes the text of their own answers out (in one conditional write per round, on the round's
 * record); that they answered, when and how stays, as a decision stays under a pseudonym.
 */
import type { AuditEntry } from '../../engine/ports';
import { mutateVersioned } from '../../engine/versioned-write';
import { asksPeople, eraseInputOf, type InputAnswer, type InputRound } from './input-round';
import type { InputRoundStore } from './ports';

export interface PersonInputDeps {
  inputs: InputRoundStore;
  now: () => Date;
}

export interface PersonInput {
  roundId: string;
  title: string;
  status: InputRound['status'];
  deadline: string;
  /** Asked for themselves (a round of people), or answering for a partner. */
  askedAs: 'person' | 'partner-contact';
  /** Their answers: their own, or for each partner they answered for. */
  answers: (InputAnswer & { organisationId?: string })[];
}

const theirs = (round: InputRound, personId: string): PersonInput['answers'] =>
  asksPeople(round)
    ? round.answers[personId]
      ? [round.answers[personId]]
      : []
    : Object.entries(round.answers)
        .filter(([, a]) => a.by === personId)
        .map(([organisationId, a]) => ({ ...a, organisationId }));

export async function personInput(
  deps: PersonInputDeps,
  personId: string,
): Promise<{ inputRounds: PersonInput[]; actions: AuditEntry[] }> {
  const rounds = (await deps.inputs.list()).filter(
    (r) => r.personIds?.includes(personId) || theirs(r, personId).length > 0,
  );
  const actions = (await Promise.all(rounds.map((r) => deps.inputs.listAudit(r.id))))
    .flat()
    .filter((e) => e.actor === personId);
  return {
    inputRounds: rounds.map((r) => ({
      roundId: r.id,
      title: r.title,
      status: r.status,
      deadline: r.deadline,
      askedAs: asksPeople(r) ? 'person' : 'partner-contact',
      answers: theirs(r, personId),
    })),
    actions,
  };
}

/** Take the text of the person's own answers out; returns how many rounds changed. Safe to repeat. */
export async function erasePersonInput(deps: PersonInputDeps, personId: string): Promise<number> {
  let erased = 0;
  for (const round of await deps.inputs.list()) {
    if (!round.personIds?.includes(personId)) continue;
    const changed = await mutateVersioned(
      {
        load: async (id) => (await deps.inputs.get(id)) ?? round,
        save: (n, v, o) => deps.inputs.save(n, v, o),
      },
      round.id,
      (r) => eraseInputOf(r, personId, deps.now()),
      { current: round },
    );
    if (!changed) continue;
    erased += 1;
    await deps.inputs.appendAudit(round.id, {
      key: `v${String(changed.after.version).padStart(6, '0')}:erased`,
      at: deps.now().toISOString(),
      kind: 'erased',
      actor: 'office',
      details: { personId },
    });
  }
  return erased;
}
