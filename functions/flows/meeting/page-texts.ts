/** The words of a meeting's page (member, secretary, chair), Dutch and English. */
import type { Lang } from '../../platform/time';

export const pageWords = {
  nl: {
    agenda: 'Agenda',
    when: 'Wanneer',
    where: 'Waar',
    addItem: 'Agendapunt insturen',
    itemTitle: 'Onderwerp',
    explanation: 'Korte uitleg',
    broughtBy: 'Wie brengt het in?',
    ask: 'Wat vraagt u van de vergadering?',
    send: 'Versturen',
    nothing: 'Mijn themagroep heeft deze keer niets',
    decline: 'Ik kan niet komen',
    deadline: (d: string) =>
      `Stuur agendapunten vóór ${d}. Later mag ook; dan beslist de voorzitter of het op deze agenda komt.`,
    afterDeadline:
      'De agenda is al verstuurd. Heeft u toch nog een punt? Stuur het hieronder in. De voorzitter beslist ' +
      'of het op deze agenda komt of op die van de volgende vergadering.',
    online: 'Online',
    declinedNote: 'U heeft laten weten dat u niet komt.',
    attend: 'Ik kom toch',
    publicNote:
      'Let op: wat u schrijft bij "Wat is er besproken?", de besluiten en de actiepunten komt op de openbare ' +
      'pagina en gaat naar alle leden van de themagroepen. Noem geen bewoners bij naam. ' +
      'Schrijf bijvoorbeeld "een bewoner" of "bewoners van de Lambertus Zijlstraat".',
    draft: 'Conceptverslag',
    decisions: 'Besluiten',
    actions: 'Actiepunten',
    object: 'Ik heb bezwaar tegen het verslag',
    reason: 'Waarom?',
    minutesTitle: 'Verslag maken',
    summary: 'Wat is er besproken?',
    what: 'Wat',
    owner: 'Wie',
    due: 'Klaar vóór',
    choose: '— kies —',
    sendMinutes: 'Verslag versturen',
    actionsHint:
      'Elke regel met "wat" wordt een actiepunt dat wordt gevolgd. Laat regels leeg als u ze niet nodig heeft.',
    late: 'Te laat ingestuurd',
    accept: 'Op deze agenda',
    nextMonth: 'Naar de volgende vergadering',
    objections: 'Bezwaren',
    adopt: 'Verslag vaststellen',
    sendBack: 'Terug naar de secretaris',
    notices: {
      thanks: 'Dank u wel. Uw agendapunt is ontvangen.',
      nothing: 'Dank u wel. Wij noteren dat uw themagroep deze keer niets heeft.',
      declined: 'Dank u wel. Wij noteren dat u niet komt.',
      attending: 'Dank u wel. Wij noteren dat u toch komt.',
      objected: 'Uw bezwaar is ontvangen. De voorzitter beslist erover.',
      'minutes-sent': 'Dank u wel. Het verslag gaat nu naar de leden.',
      decided: 'Uw besluit is verwerkt.',
    } as Record<string, string>,
    errors: {
      'expired-form':
        'Deze pagina was te lang open, of er is intussen iets veranderd. Kijk of alles klopt en probeer het opnieuw.',
      choose: 'Kies een van de mogelijkheden.',
      closed: 'Dit kan nu niet meer.',
      'title-required': 'Geef een onderwerp (ten minste 3 tekens).',
      'not-now': 'De vergadering is al geweest.',
      'minutes-incomplete': 'Schrijf bij elk agendapunt wat er besproken is, of schrijf de besluiten.',
      'reason-required': 'Schrijf waarom (ten minste 3 tekens).',
      'own-minutes': 'U heeft dit verslag zelf gemaakt. Bezwaar maken kan alleen een ander lid.',
      owner: 'Kies wie het doet.',
      due: 'Kies een datum in de toekomst.',
    } as Record<string, string>,
    fields: { owner: 'wie doet het', due: 'klaar vóór' } as Record<string, string>,
    actionItem: (n: number) => `Actiepunt ${n}`,
    closed: 'Deze vergadering is afgerond of afgelast. Er is niets meer te doen.',
  },
  en: {
    agenda: 'Agenda',
    when: 'When',
    where: 'Where',
    addItem: 'Send an agenda item',
    itemTitle: 'Subject',
    explanation: 'Short explanation',
    broughtBy: 'Who brings it?',
    ask: 'What do you ask of the meeting?',
    send: 'Send',
    nothing: 'My theme group has nothing this time',
    decline: 'I cannot come',
    deadline: (d: string) =>
      `Send agenda items before ${d}. Later is possible; then the chair decides whether it goes on this agenda.`,
    afterDeadline:
      'The agenda has already been sent. Do you still have an item? Send it below. The chair decides whether ' +
      'it goes on this agenda or on that of the next meeting.',
    online: 'Online',
    declinedNote: 'You have let us know you cannot come.',
    attend: 'I can come after all',
    publicNote:
      'Please note: what you write under "What was discussed?", the decisions and the action items go on the ' +
      'public page and to all members of the theme groups. Do not name residents. ' +
      'Write, for example, "a resident" or "residents of the street".',
    draft: 'Draft minutes',
    decisions: 'Decisions',
    actions: 'Action items',
    object: 'I object to the minutes',
    reason: 'Why?',
    minutesTitle: 'Write the minutes',
    summary: 'What was discussed?',
    what: 'What',
    owner: 'Who',
    due: 'Due before',
    choose: '— choose —',
    sendMinutes: 'Send the minutes',
    actionsHint:
      'Every line with a "what" becomes an action item that is followed up. Leave lines empty when you do not need ' +
      'them.',
    late: 'Sent in late',
    accept: 'On this agenda',
    nextMonth: 'To the next meeting',
    objections: 'Objections',
    adopt: 'Adopt the minutes',
    sendBack: 'Back to the secretary',
    notices: {
      thanks: 'Thank you. Your agenda item has been received.',
      nothing: 'Thank you. We note your theme group has nothing this time.',
      declined: 'Thank you. We note you cannot come.',
      attending: 'Thank you. We note you can come after all.',
      objected: 'Your objection has been received. The chair decides on it.',
      'minutes-sent': 'Thank you. The minutes now go to the members.',
      decided: 'Your decision has been processed.',
    } as Record<string, string>,
    errors: {
      'expired-form': 'This page was open too long, or something changed meanwhile. Check everything and try again.',
      choose: 'Please choose one of the options.',
      closed: 'This is no longer possible.',
      'title-required': 'Please give a subject (at least 3 characters).',
      'not-now': 'The meeting has already taken place.',
      'minutes-incomplete': 'Write for each agenda item what was discussed, or write the decisions.',
      'reason-required': 'Please say why (at least 3 characters).',
      'own-minutes': 'You wrote these minutes yourself. Only another member can object.',
      owner: 'Choose who does it.',
      due: 'Choose a date in the future.',
    } as Record<string, string>,
    fields: { owner: 'who does it', due: 'due before' } as Record<string, string>,
    actionItem: (n: number) => `Action item ${n}`,
    closed: 'This meeting has been concluded or cancelled. There is nothing left to do.',
  },
} satisfies Record<Lang, unknown>;

export type PageWords = (typeof pageWords)[Lang];
