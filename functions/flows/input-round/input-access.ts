/** Reading and changing one input round (versioned, retried on conflict), whom it writes to and their links. */
import type { Organisation, Person } from '../../engine/directory';
import { mutateVersioned } from '../../engine/versioned-write';
import { NotFoundError } from '../../platform/errors';
import { signLink } from '../../platform/link-token';
import { asksPeople, type InputRound, respondentsOf } from './input-round';
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

/** Whom to write for each respondent: a partner's contacts (with its name), or the person asked. */
export async function recipientsOf(
  deps: InputRoundDeps,
  round: InputRound,
  ids: string[],
): Promise<{ orgName?: string; people: Person[] }[]> {
  if (!asksPeople(round))
    return (await contactsOf(deps, ids)).map(({ org, people }) => ({ orgName: org.name, people }));
  // Someone without an address is asked another way; the office records what they give.
  return (await deps.directory.getPeople(ids)).filter((p) => p.active && p.email).map((p) => ({ people: [p] }));
}

/**
 * For whom `personId` answers in the round: themselves in a round of people, else the partner
 * whose contact they are; only among `among` (by default everyone asked); null if for nobody.
 */
export async function respondentFor(
  deps: Pick<InputRoundDeps, 'directory'>,
  round: InputRound,
  personId: string,
  among: string[] = respondentsOf(round),
): Promise<{ id: string; orgName?: string } | null> {
  if (asksPeople(round))
    return round.personIds!.includes(personId) && among.includes(personId) ? { id: personId } : null;
  const org = (await deps.directory.listOrganisations()).find(
    (o) => among.includes(o.id) && o.contactIds.includes(personId),
  );
  return org ? { id: org.id, orgName: org.name } : null;
}

export async function answerLink(deps: InputRoundDeps, round: InputRound, personId: string): Promise<string> {
  const keys = await deps.linkKeys();
  const exp = Math.floor(Date.parse(round.deadline) / 1000) + deps.settings.linkGraceSeconds;
  return `${deps.settings.publicBaseUrl}/u/${signLink(keys, { typ: 'input', sub: round.id, pid: personId, exp })}`;
}
