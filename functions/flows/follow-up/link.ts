/** Opening an action item's personal link: whose it is, for which page, and the proof its form carries. */
import { type ActionItem, isClosed } from './follow-up';
import type { FollowUpDeps } from './items';
import type { Person } from '../../engine/directory';
import { formProof, verifyLink } from '../../platform/link-token';

export type FollowUpLinkView =
  | { kind: 'invalid' }
  | { kind: 'closed'; item: ActionItem; person: Person }
  | { kind: 'owner'; item: ActionItem; person: Person; proof: string }
  | { kind: 'approval'; item: ActionItem; person: Person; proof: string };

/** The form is bound to the item's version: a form shown before any change cannot be posted after it. */
export const proofSubject = (token: string, item: ActionItem) => `${token}|${item.version}`;

async function resolveLink(deps: FollowUpDeps, token: string) {
  const keys = await deps.linkKeys();
  const v = verifyLink(keys, token, Math.floor(deps.now().getTime() / 1000));
  if (!v.ok || (v.claims.typ !== 'item' && v.claims.typ !== 'item-approval')) return null;
  const [item, person] = await Promise.all([deps.items.get(v.claims.sub), deps.directory.getPerson(v.claims.pid)]);
  return item && person ? { item, person, typ: v.claims.typ as 'item' | 'item-approval', keys } : null;
}

export async function openFollowUpLink(deps: FollowUpDeps, token: string): Promise<FollowUpLinkView> {
  const r = await resolveLink(deps, token);
  if (!r) return { kind: 'invalid' };
  const finished = isClosed(r.item);
  if (finished || (r.typ === 'item-approval' && r.item.status !== 'awaiting-approval'))
    return { kind: 'closed', item: r.item, person: r.person };
  const proof = formProof(r.keys, proofSubject(token, r.item), Math.floor(deps.now().getTime() / 1000));
  return r.typ === 'item'
    ? { kind: 'owner', item: r.item, person: r.person, proof }
    : { kind: 'approval', item: r.item, person: r.person, proof };
}
