/** Reading and changing one input round (versioned, retried on conflict), its partners' contacts and their links. */
import type { Organisation, Person } from '../../engine/directory';
import { mutateVersioned } from '../../engine/versioned-write';
import { NotFoundError } from '../../platform/errors';
import { signLink } from '../../platform/link-token';
import type { InputRound } from './input-round';
import type { InputRoundDeps } from './ports';

export async function loadInput(deps: InputRoundDeps, id: string): Promise<InputRound> {
  const round = await deps.inputs.get(id);
  if (!round) throw new NotFoundError('input round', id);
  return round;
}

export function mutateInput(deps: InputRoundDeps, id: string, change: (r: InputRound) => InputRound | null) {
  return mutateVersioned(
    { load: (x) => loadInput(deps, x), save: (n, v, o) => deps.inputs.save(n, v, o) },
    id,
    change,
    { maxAttempts: 30 },
  );
}

export async function contactsOf(
  deps: InputRoundDeps,
  orgIds: string[],
): Promise<{ org: Organisation; people: Person[] }[]> {
  const orgs = await deps.directory.listOrganisations();
  const out = [];
  for (const id of orgIds) {
    const org = orgs.find((o) => o.id === id);
    if (org)
      out.push({ org, people: (await deps.directory.getPeople(org.contactIds)).filter((p) => p.active && p.email) });
  }
  return out;
}

export async function answerLink(deps: InputRoundDeps, round: InputRound, personId: string): Promise<string> {
  const keys = await deps.linkKeys();
  const exp = Math.floor(Date.parse(round.deadline) / 1000) + deps.settings.linkGraceSeconds;
  return `${deps.settings.publicBaseUrl}/u/${signLink(keys, { typ: 'input', sub: round.id, pid: personId, exp })}`;
}
