/** The calendar invitations of a meeting: invitation (with the agenda), update and cancellation. */
import { sendOnceVia } from '../../engine/mail-ledger';
import { meetingIcs, meetingPageNote, meetingUid } from './ics';
import type { Meeting } from './meeting';
import type { MeetingDeps } from './meeting-docs';
import { attendeesOf, meetingLink } from './recipients';
import { invitationMail } from './views';

const host = (deps: MeetingDeps) => new URL(deps.settings.publicBaseUrl).hostname;

/** Invitation (with the agenda), update or cancellation, each with its calendar file; once per sequence and person. */
export async function sendInvitations(
  deps: MeetingDeps,
  m: Meeting,
  kind: 'invite' | 'update' | 'cancel',
): Promise<void> {
  const organizer = { name: 'Programmabureau', email: deps.settings.officeEmail };
  for (const p of await attendeesOf(deps, m)) {
    // One key for an invitation and an update of the same sequence: a meeting moved after its
    // invitation gets the update, and the agenda's close at the new date sends nothing more.
    const key = `${kind === 'cancel' ? 'cancel' : 'request'}:${m.sequence}:${p.id}`;
    await sendOnceVia(deps, deps.meetings, m.id, key, p, kind === 'cancel' ? 'notice' : 'invite', async () => {
      const ics = meetingIcs({
        uid: meetingUid(m.seriesId, m.key, host(deps)),
        sequence: m.sequence,
        method: kind === 'cancel' ? 'CANCEL' : 'REQUEST',
        start: m.start,
        end: m.end,
        title: m.title,
        description:
          kind === 'cancel'
            ? (m.cancelReason ?? '')
            : meetingPageNote(p.lang, await meetingLink(deps, m, p.id, 'meeting')),
        location: m.location,
        url: m.onlineUrl,
        organizer,
        attendee: { name: p.name, email: p.email },
        stamp: deps.now().toISOString(),
      });
      return invitationMail(m, { name: p.name, lang: p.lang }, await meetingLink(deps, m, p.id, 'meeting'), kind, ics);
    });
  }
}
