/** Who hears about an action item (the owner, or who each ladder step reaches), their link, and the send. */
import type { ActionItem, LadderStep } from './follow-up';
import type { FollowUpDeps } from './items';
import type { Body, Person } from '../../engine/directory';
import type { EmailContent } from '../../engine/email';
import { sendOnceVia } from '../../engine/mail-ledger';
import { signLink } from '../../platform/link-token';

/** The people who answer for the item: the owner, or the partner's contacts. */
export async function ownerPeople(deps: FollowUpDeps, item: ActionItem): Promise<Person[]> {
  if ('personId' in item.owner) return deps.directory.getPeople([item.owner.personId]);
  const orgId = item.owner.organisationId;
  const org = (await deps.directory.listOrganisations()).find((o) => o.id === orgId);
  return deps.directory.getPeople(org?.contactIds ?? []);
}

const chairOf = (body: Body | null) => body?.members.find((m) => m.role === 'chair')?.personId;

/**
 * Who each ladder step reaches: the project leader chairs the item's body; then the kerngroep's
 * and the board's chairs.
 */
export async function stepPeople(deps: FollowUpDeps, item: ActionItem, step: LadderStep): Promise<Person[]> {
  if (step === 'owner') return ownerPeople(deps, item);
  const bodies = await deps.directory.listBodies();
  const body =
    step === 'project-leader'
      ? (bodies.find((b) => b.id === item.bodyId) ?? null)
      : (bodies.find((b) => b.kind === (step === 'board' ? 'board' : 'core-group') && b.active !== false) ?? null);
  const chair = chairOf(body);
  return chair ? deps.directory.getPeople([chair]) : [];
}

export async function ownerLink(
  deps: FollowUpDeps,
  item: ActionItem,
  personId: string,
  typ: 'item' | 'item-approval',
): Promise<string> {
  const keys = await deps.linkKeys();
  const exp = Math.floor(Date.parse(item.due) / 1000) + 120 * 86400;
  return `${deps.settings.publicBaseUrl}/f/${signLink(keys, { typ, sub: item.id, pid: personId, exp })}`;
}

/** An email to a person about the item, claimed once per key and person; nobody without an address. */
export const sendToPerson = (
  deps: FollowUpDeps,
  item: ActionItem,
  key: string,
  to: Person,
  tag: string,
  content: () => Promise<EmailContent>,
) =>
  to.active && to.email
    ? sendOnceVia(deps, deps.items, item.id, `${key}:${to.id}`, to, tag, content)
    : Promise.resolve(false);
