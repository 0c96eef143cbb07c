/** A new agenda item from a meeting's page: its receipt, and the chair told when it came in late. */
import { randomUUID } from 'node:crypto';
import { sendOnceVia } from '../../engine/mail-ledger';
import { submitItem } from './agenda';
import type { Ask, Meeting } from './meeting';
import { type MeetingDeps, mutateMeeting } from './meeting-docs';
import type { ResolvedLink } from './meeting-link';
import { meetingLink } from './recipients';
import { itemReceiptMail, lateItemMail } from './views';

const ASKS: Ask[] = ['inform', 'discuss', 'decide'];

export async function sendItem(
  deps: MeetingDeps,
  r: ResolvedLink,
  form: Record<string, string | undefined>,
  now: Date,
): Promise<void> {
  const { meeting, person } = r;
  const ask = (ASKS as string[]).includes(form.ask ?? '') ? (form.ask as Ask) : 'discuss';
  const id = `i-${randomUUID()}`;
  const changed = await mutateMeeting(deps, meeting.id, (m) =>
    submitItem(
      m,
      {
        id,
        title: (form.title ?? '').slice(0, 200),
        explanation: (form.explanation ?? '').slice(0, 2000),
        broughtBy: (form.broughtBy ?? person.name).slice(0, 120) || person.name,
        ask,
        submittedBy: person.id,
        groupId: r.groupId,
      },
      now,
    ),
  );
  const item = changed!.after.items.find((i) => i.id === id);
  // Only a new item (a double click keeps the first): a receipt saying what happens with it now.
  if (item) {
    const after = changed!.after;
    await sendOnceVia(deps, deps.meetings, meeting.id, `item-receipt:${item.id}`, person, 'receipt', async () =>
      itemReceiptMail(
        after,
        { name: person.name, lang: person.lang },
        await meetingLink(deps, after, person.id, 'meeting'),
        item,
      ),
    );
  }
  if (item?.late) await tellChairOfLateItem(deps, changed!.after, item.id, item.title, person.name);
}

async function tellChairOfLateItem(
  deps: MeetingDeps,
  m: Meeting,
  itemId: string,
  title: string,
  who: string,
): Promise<void> {
  const chair = await deps.directory.getPerson(m.chairId);
  if (!chair) return;
  await sendOnceVia(deps, deps.meetings, m.id, `late:${itemId}`, chair, 'notice', async () =>
    lateItemMail(m, { name: chair.name, lang: chair.lang }, await meetingLink(deps, m, chair.id, 'chair'), title, who),
  );
}
