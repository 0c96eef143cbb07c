/** The meeting cycle's words in emails (and the agenda's names on its pages), Dutch and English. */
import type { Lang } from '../../platform/time';
import type { Ask } from './meeting';

export const meetingWords = {
  nl: {
    hello: (n: string) => `Beste ${n},`,
    sign: 'Met vriendelijke groet,\nHet programmabureau',
    linkLine: 'Open deze link:',
    personal: 'Deze link is alleen voor u.',
    standing: {
      opening: 'Opening',
      'last-minutes': 'Verslag van de vorige vergadering',
      'action-items': 'Actiepunten: wat is er gedaan?',
      'any-other-business': 'Rondvraag',
    } as Record<string, string>,
    asks: { inform: 'ter informatie', discuss: 'om te bespreken', decide: 'om te besluiten' } as Record<Ask, string>,
    late: 'te laat ingestuurd',
    callSubject: (t: string, d: string) => `Agendapunten voor ${t} van ${d}`,
    call: (deadline: string) =>
      `Wilt u iets bespreken in de vergadering? Stuur uw agendapunt vóór ${deadline} via de link. U kunt ook laten ` +
      'weten dat uw themagroep deze keer niets heeft.',
    agendaReminderSubject: (t: string) => `Herinnering: agendapunten voor ${t}`,
    agendaReminder: (deadline: string) =>
      `Uw themagroep heeft nog niets ingestuurd. Stuur een agendapunt vóór ${deadline}, of laat weten dat er deze ` +
      'keer niets is.',
    inviteSubject: (t: string, d: string) => `Uitnodiging: ${t}, ${d}`,
    updateSubject: (t: string, d: string) => `Gewijzigd: ${t}, nu ${d}`,
    cancelSubject: (t: string, d: string) => `Afgelast: ${t} van ${d}`,
    when: (d: string) => `Wanneer: ${d}`,
    where: (p: string) => `Waar: ${p}`,
    online: (u: string) => `Online: ${u}`,
    agenda: 'Agenda:',
    cannotCome: 'Kunt u niet komen? Laat het weten via de link. In de bijlage staat de afspraak voor uw agenda.',
    cancelled: (reason: string) =>
      `Deze vergadering gaat niet door. Reden: ${reason}. De afspraak wordt uit uw agenda gehaald.`,
    dayBeforeSubject: {
      today: (t: string) => `Vandaag: ${t}`,
      tomorrow: (t: string) => `Morgen: ${t}`,
      later: (t: string) => `Herinnering: ${t}`,
    },
    dayBeforeAction: {
      today: 'Vandaag is de vergadering',
      tomorrow: 'Morgen is de vergadering',
      later: 'Denk aan de vergadering',
    },
    meetingOn: (d: string) => `De vergadering is op ${d}.`,
    agendaBehind: 'De agenda staat achter de link.',
    receiptSubject: (t: string) => `Ontvangen: uw agendapunt voor ${t}`,
    receivedOnTime: (d: string) =>
      `Wij hebben uw agendapunt ontvangen. Het staat op de agenda van de vergadering van ${d}.`,
    receivedLate:
      'Wij hebben uw agendapunt ontvangen. De agenda was al verstuurd: de voorzitter beslist of het op deze ' +
      'agenda komt of op die van de volgende vergadering.',
    notYou: 'Heeft u dit niet ingestuurd? Neem dan contact op met het programmabureau.',
    lateSubject: (t: string) => `Agendapunt na de deadline: ${t}`,
    late_: (item: string, who: string) =>
      `Na de deadline kwam nog dit agendapunt binnen: "${item}" (van ${who}). Zet u het op deze agenda, of op die ` +
      'van de volgende vergadering?',
    minutesSubject: (t: string) => `Verslag van ${t}`,
    minutes: (days: number) =>
      'De vergadering is voorbij. Wilt u het verslag maken? Per agendapunt wat er besproken is, de besluiten en de ' +
      `actiepunten (wat, wie, wanneer). Graag binnen ${days} dagen.`,
    minutesReminderSubject: (t: string) => `Herinnering: verslag van ${t}`,
    minutesReminder: 'Het verslag van de vergadering is er nog niet. Wilt u het maken via de link?',
    missingSubject: (t: string) => `Verslag ontbreekt: ${t}`,
    missing: (who: string) =>
      `Het verslag van deze vergadering is er nog niet. De secretaris (${who}) is eraan herinnerd.`,
    reviewSubject: (t: string) => `Conceptverslag van ${t}: bezwaar?`,
    review: (until: string) =>
      `Het conceptverslag staat achter de link. Heeft u bezwaar? Laat het weten vóór ${until}. Zonder bezwaar is ` +
      'het verslag dan vastgesteld.',
    chairSubject: (t: string) => `Bezwaar tegen het verslag van ${t}`,
    chair: (n: number) =>
      `Er ${n === 1 ? 'is 1 bezwaar' : `zijn ${n} bezwaren`} tegen het verslag. Besluit u of het verslag wordt ` +
      'vastgesteld?',
    abandonedSubject: (t: string) => `Geen vastgesteld verslag: ${t}`,
    abandoned: (d: number) =>
      `Na ${d} dagen is er nog geen vastgesteld verslag van deze vergadering. De vergadering is afgesloten zonder ` +
      'verslag. Zoek met de secretaris en de voorzitter naar een oplossing.',
    publishedSubject: (t: string, d: string) => `Wat er besproken is: ${t} van ${d}`,
    published:
      'Het verslag is vastgesteld. Hieronder staat in het kort wat er besproken en besloten is, en wie wat doet. ' +
      'Alles staat ook op de openbare pagina:',
  },
  en: {
    hello: (n: string) => `Dear ${n},`,
    sign: 'Kind regards,\nThe programme office',
    linkLine: 'Open this link:',
    personal: 'This link is for you only.',
    standing: {
      opening: 'Opening',
      'last-minutes': 'Minutes of the last meeting',
      'action-items': 'Action items: what has been done?',
      'any-other-business': 'Any other business',
    } as Record<string, string>,
    asks: { inform: 'for information', discuss: 'to discuss', decide: 'to decide' } as Record<Ask, string>,
    late: 'sent in late',
    callSubject: (t: string, d: string) => `Agenda items for ${t} on ${d}`,
    call: (deadline: string) =>
      `Would you like to discuss something at the meeting? Send your agenda item before ${deadline} using the link. ` +
      'You can also let us know your theme group has nothing this time.',
    agendaReminderSubject: (t: string) => `Reminder: agenda items for ${t}`,
    agendaReminder: (deadline: string) =>
      `Your theme group has not sent anything yet. Send an agenda item before ${deadline}, or let us know there is ` +
      'nothing this time.',
    inviteSubject: (t: string, d: string) => `Invitation: ${t}, ${d}`,
    updateSubject: (t: string, d: string) => `Changed: ${t}, now ${d}`,
    cancelSubject: (t: string, d: string) => `Cancelled: ${t} on ${d}`,
    when: (d: string) => `When: ${d}`,
    where: (p: string) => `Where: ${p}`,
    online: (u: string) => `Online: ${u}`,
    agenda: 'Agenda:',
    cannotCome: 'Can you not come? Let us know using the link. The attachment adds the meeting to your calendar.',
    cancelled: (reason: string) =>
      `This meeting will not take place. Reason: ${reason}. The appointment is removed from your calendar.`,
    dayBeforeSubject: {
      today: (t: string) => `Today: ${t}`,
      tomorrow: (t: string) => `Tomorrow: ${t}`,
      later: (t: string) => `Reminder: ${t}`,
    },
    dayBeforeAction: {
      today: 'The meeting is today',
      tomorrow: 'The meeting is tomorrow',
      later: 'Remember the meeting',
    },
    meetingOn: (d: string) => `The meeting is on ${d}.`,
    agendaBehind: 'The agenda is behind the link.',
    receiptSubject: (t: string) => `Received: your agenda item for ${t}`,
    receivedOnTime: (d: string) => `We have received your agenda item. It is on the agenda of the meeting of ${d}.`,
    receivedLate:
      'We have received your agenda item. The agenda had already been sent: the chair decides whether it goes ' +
      'on this agenda or on that of the next meeting.',
    notYou: 'Did you not send this? Please contact the programme office.',
    lateSubject: (t: string) => `Agenda item after the deadline: ${t}`,
    late_: (item: string, who: string) =>
      `After the deadline this agenda item came in: "${item}" (from ${who}). Do you put it on this agenda, or on ` +
      'that of the next meeting?',
    minutesSubject: (t: string) => `Minutes of ${t}`,
    minutes: (days: number) =>
      'The meeting is over. Would you write the minutes? Per agenda item what was discussed, the decisions, and the ' +
      `action items (what, who, when). Within ${days} days, please.`,
    minutesReminderSubject: (t: string) => `Reminder: minutes of ${t}`,
    minutesReminder: 'The minutes of the meeting are not there yet. Would you write them using the link?',
    missingSubject: (t: string) => `Minutes missing: ${t}`,
    missing: (who: string) =>
      `The minutes of this meeting are not there yet. The secretary (${who}) has been reminded.`,
    reviewSubject: (t: string) => `Draft minutes of ${t}: any objection?`,
    review: (until: string) =>
      `The draft minutes are behind the link. Do you object? Let us know before ${until}. Without objections the ` +
      'minutes are then adopted.',
    chairSubject: (t: string) => `Objection to the minutes of ${t}`,
    chair: (n: number) =>
      `There ${n === 1 ? 'is 1 objection' : `are ${n} objections`} to the minutes. Do you decide whether they are ` +
      'adopted?',
    abandonedSubject: (t: string) => `No adopted minutes: ${t}`,
    abandoned: (d: number) =>
      `After ${d} days there are still no adopted minutes of this meeting. The meeting was closed without minutes. ` +
      'Please find a way forward with the secretary and the chair.',
    publishedSubject: (t: string, d: string) => `What was discussed: ${t} on ${d}`,
    published:
      'The minutes were adopted. Below is in short what was discussed and decided, and who does what. Everything is ' +
      'also on the public page:',
  },
} satisfies Record<Lang, unknown>;
