/**
 * Who hears of an answer on the item's page: a receipt to whoever answered; the office hears of
 * done, handed back and stuck items; the project leader of a stuck item and of a long delay to
 * approve; the owner of the project leader's decision on it.
 */
import { approvalMail, extensionDecidedMail, outcomeMail, receiptMail, stoppedMail } from './emails';
import { type ActionItem, toldOfStop, type UntoldAnswer } from './follow-up';
import { audit, changeKey, type FollowUpDeps, mutateItem } from './items';
import { ownerLink, ownerPeople, sendToPerson, stepPeople } from './recipients';
import type { Person } from '../../engine/directory';
import { OFFICE } from '../../engine/flow-email';
import { sendAndRecordVia } from '../../engine/mail-ledger';

export async function tellAboutAnswer(deps: FollowUpDeps, item: ActionItem, person: Person): Promise<void> {
  const key = `v${item.version}`;
  if (person.email)
    await sendAndRecordVia(
      deps,
      deps.items,
      item.id,
      `receipt:${key}:${person.id}`,
      person,
      'receipt',
      receiptMail(item, { name: person.name, lang: person.lang }),
    );
  if (item.status === 'done' || item.status === 'returned' || item.status === 'blocked') {
    await sendAndRecordVia(
      deps,
      deps.items,
      item.id,
      `outcome:${key}:office`,
      deps.settings.officeEmail,
      'notice',
      outcomeMail(item, OFFICE),
    );
    if (item.status === 'blocked')
      for (const p of await stepPeople(deps, item, 'project-leader'))
        await sendToPerson(deps, item, `blocked:${key}`, p, 'notice', async () =>
          outcomeMail(item, { name: p.name, lang: p.lang }),
        );
  }
  if (item.status === 'awaiting-approval') {
    for (const p of await stepPeople(deps, item, 'project-leader'))
      await sendToPerson(deps, item, `approval:${key}`, p, 'approval', async () =>
        approvalMail(item, { name: p.name, lang: p.lang }, await ownerLink(deps, item, p.id, 'item-approval')),
      );
  }
}

/** The owner hears the project leader's decision; the project leader sees it on the page. */
export async function tellExtensionDecided(deps: FollowUpDeps, item: ActionItem, approved: boolean): Promise<void> {
  for (const p of await ownerPeople(deps, item))
    await sendToPerson(deps, item, `extension:v${item.version}`, p, 'notice', async () =>
      extensionDecidedMail(item, { name: p.name, lang: p.lang }, approved),
    );
}

/**
 * A stopped item (its cycle was cancelled): whoever was asked about it hears once that nothing more
 * is needed, and why, instead of waiting for a question that never comes. Keyed by the stopping version.
 */
export async function tellStopped(deps: FollowUpDeps, item: ActionItem): Promise<void> {
  const reached = new Set<string>();
  for (const step of toldOfStop(item))
    for (const p of await stepPeople(deps, item, step)) {
      if (reached.has(p.id)) continue;
      reached.add(p.id);
      await sendToPerson(deps, item, `stopped:v${item.version}`, p, 'notice', async () =>
        stoppedMail(item, { name: p.name, lang: p.lang }),
      );
    }
}

/** The item as the answer left it: what its record and emails say, and the version their keys name. */
const asAnswered = (item: ActionItem, note: UntoldAnswer): ActionItem => ({ ...item, ...note.item });

/** The answer on the item's record, once (its key is the answer's version). */
export function recordAnswer(deps: FollowUpDeps, item: ActionItem, note: UntoldAnswer): Promise<void> {
  const { status, due, result, blockedBy } = note.item;
  return audit(deps, item.id, changeKey(asAnswered(item, note), 'answer'), note.kind, note.by, {
    status,
    due,
    result,
    blockedBy,
  });
}

/** Everyone who hears of the answer; every email is recorded once, so the page and a step may both try. */
export async function tellAnswer(deps: FollowUpDeps, item: ActionItem, note: UntoldAnswer, by?: Person) {
  const answered = asAnswered(item, note);
  if (note.kind === 'extension-decided') return tellExtensionDecided(deps, answered, note.approved === true);
  const person = by ?? (await deps.directory.getPerson(note.by));
  if (person) await tellAboutAnswer(deps, answered, person);
}

/**
 * The workflow's step: answers whose page may have died after their write (before the record, the
 * resume or the emails) are put on record and told, then taken off the item. Returns the item after.
 */
export async function tellUntold(deps: FollowUpDeps, item: ActionItem): Promise<ActionItem> {
  const untold = item.untold ?? [];
  if (untold.length === 0) return item;
  for (const note of untold) {
    await recordAnswer(deps, item, note);
    await tellAnswer(deps, item, note);
  }
  const told = new Set(untold.map((n) => n.item.version));
  const changed = await mutateItem(deps, item.id, (it) =>
    it.untold?.some((n) => told.has(n.item.version))
      ? { ...it, untold: it.untold.filter((n) => !told.has(n.item.version)), version: it.version + 1 }
      : null,
  );
  return changed?.after ?? item;
}
