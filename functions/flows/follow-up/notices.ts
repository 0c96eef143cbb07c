/**
 * Who hears of an answer on the item's page: a receipt to whoever answered; the office hears of
 * done, handed back and stuck items; the project leader of a stuck item and of a long delay to
 * approve; the owner of the project leader's decision on it.
 */
import { approvalMail, extensionDecidedMail, outcomeMail, receiptMail } from './emails';
import type { ActionItem } from './follow-up';
import type { FollowUpDeps } from './items';
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
