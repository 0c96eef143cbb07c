/** Email for the local mailbox page's tests, sent through the product's own mailer to the SES stand-in. */
import { SesMailer } from '../../functions/engine/ses-mailer';
import { composeWithCalendar } from '../../functions/flows/meeting/calendar-mime';
import { meetingIcs } from '../../functions/flows/meeting/ics';

export const FROM = 'Alliantiecyclus <noreply@alliantie.example.org>';
export const mailer = new SesMailer(FROM, undefined, composeWithCalendar);

/** HTML that runs script wherever it is put in a page as it is. */
export const HOSTILE_HTML =
  '<p>Hallo</p><img src="x" onerror="document.body.dataset.ran=\'1\';parent.document.title=\'pwned\'">' +
  '<script>document.body.dataset.ran="1";parent.document.title="pwned"</script>';

export const invitationIcs = () =>
  meetingIcs({
    uid: 'ms-kerngroep-2026-11-10@alliance-cycle.example.org',
    sequence: 0,
    method: 'REQUEST',
    start: '2026-11-10T19:00:00+01:00',
    end: '2026-11-10T21:00:00+01:00',
    title: 'Kerngroep De Punt',
    description: 'Kunt u niet komen? Ga naar de pagina.',
    organizer: { name: 'Programmabureau', email: 'programmabureau@example.org' },
    attendee: { name: 'Zoë Çelik', email: 'zoe.celik@example.org' },
    stamp: '2026-11-02T09:00:00Z',
  });

export function sendInvitation(link: string) {
  return mailer.send({
    to: 'zoe.celik@example.org',
    tag: 'invite',
    subject: 'Uitnodiging: Kerngroep De Punt op dinsdag 10 november',
    text: `Beste Zoë,\n\nU bent uitgenodigd. Kunt u niet komen? Zeg het hier: ${link}\n`,
    html: `<p>Beste Zoë,</p><p>U bent uitgenodigd. <a href="${link}">Zeg het hier</a>.</p>`,
    calendar: { method: 'REQUEST', ics: invitationIcs() },
  });
}

export function sendHostile() {
  return mailer.send({
    to: 'mallory@example.org',
    tag: 'notice',
    subject: 'Gevaarlijke inhoud <script>alert(1)</script>',
    text: 'Alleen tekst.',
    html: HOSTILE_HTML,
  });
}
