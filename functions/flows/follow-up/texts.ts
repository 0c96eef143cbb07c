/** The words of an action item's emails and pages, Dutch first, English word for word alongside. */
import type { LadderStep } from './follow-up';
import type { Lang } from '../../platform/time';

export const stepName: Record<Lang, Record<LadderStep, string>> = {
  nl: {
    owner: 'de eigenaar',
    'project-leader': 'de projectleider',
    'core-group-agenda': 'de agenda van de kerngroep',
    board: 'het alliantiebestuur',
  },
  en: {
    owner: 'the owner',
    'project-leader': 'the project leader',
    'core-group-agenda': 'the core group agenda',
    board: 'the alliance board',
  },
};

export const followUpWords = {
  nl: {
    hello: (n: string) => `Beste ${n},`,
    sign: 'Met vriendelijke groet,\nHet programmabureau',
    remindSubject: (what: string) => `Herinnering: ${what}`,
    remind: (due: string, left: string) =>
      `Er is afgesproken dat dit klaar is vóór ${due} (${left}). Laat weten hoe het staat via de link.`,
    askSubject: (what: string) => `Is het gelukt? ${what}`,
    ask: (due: string) => `Dit moest klaar zijn op ${due}. Is het gelukt? Laat het weten via de link.`,
    escalateSubject: (what: string) => `Afspraak niet nagekomen: ${what}`,
    escalate: (due: string, step: string) =>
      `Deze afspraak had klaar moeten zijn op ${due} en er is nog geen uitkomst. Het punt gaat nu naar ${step}.`,
    told: (step: string) => `Ter informatie: dit punt is doorgezet naar ${step}.`,
    approvalSubject: (what: string) => `Meer tijd gevraagd: ${what}`,
    approval: (due: string, reason: string) => `De eigenaar vraagt meer tijd, tot ${due}. Reden: ${reason}`,
    approvalReminderSubject: (what: string) => `Herinnering: meer tijd gevraagd voor ${what}`,
    approvalReminder:
      'U heeft nog niet beslist over deze vraag om meer tijd. Beslis via de link. Zonder besluit gaat de ' +
      'vraag over een paar werkdagen naar de volgende stap.',
    originalDue: (due: string) => `De afgesproken datum is ${due}. Tot er een besluit is, blijft die datum staan.`,
    lateSince: (due: string) => `Dit punt is te laat: het moest klaar zijn op ${due}.`,
    asked: (due: string, reason: string) =>
      `U heeft meer tijd gevraagd, tot ${due}. Reden: ${reason}. De projectleider beslist hierover.`,
    approvalEscalateSubject: (what: string) => `Nog geen besluit over meer tijd: ${what}`,
    approvalEscalate: (due: string, step: string) =>
      `De eigenaar vroeg meer tijd, tot ${due}, en daarover is nog niet ` +
      `beslist. De vraag ligt nu bij ${step}. U kunt zelf beslissen via de link.`,
    approvalTold: (step: string) =>
      `Ter informatie: over de vraag om meer tijd is nog niet beslist. De vraag is doorgezet naar ${step}.`,
    receiptSubject: (what: string) => `Ontvangen: ${what}`,
    receipt: 'Wij hebben uw antwoord ontvangen. Dank u wel.',
    notYou: 'Was u dit niet? Neem dan contact op met het programmabureau.',
    answered: {
      done: (r: string) => `Uw antwoord: klaar. Resultaat: ${r}`,
      open: (d: string) => `Uw antwoord: meer tijd. De nieuwe datum is ${d}.`,
      'awaiting-approval': (d: string) => `Uw antwoord: meer tijd, tot ${d}. De projectleider beslist hierover.`,
      returned: () => 'Uw antwoord: dit is niet aan u. Het programmabureau zoekt de juiste eigenaar.',
      blocked: (n: string) => `Uw antwoord: het loopt vast. Nodig: ${n}. De projectleider is ingelicht.`,
    } as Record<string, (x: string) => string>,
    linkLine: 'Open deze link:',
    personal: 'Deze link is alleen voor u.',
    doneSubject: (what: string) => `Afgerond: ${what}`,
    returnedSubject: (what: string) => `Teruggegeven: ${what}`,
    blockedSubject: (what: string) => `Loopt vast: ${what}`,
    pageTitle: 'Afspraak',
    due: 'Klaar vóór',
    choose: 'Hoe staat het?',
    done: 'Klaar',
    result: 'Wat is het resultaat?',
    moreTime: 'Ik heb meer tijd nodig',
    newDate: 'Nieuwe datum',
    reason: 'Waarom?',
    notMine: 'Dit is niet aan mij',
    blocked: 'Het loopt vast',
    needs: 'Wat is er nodig?',
    send: 'Versturen',
    thanks: 'Dank u wel. Uw antwoord is ontvangen.',
    closed: 'Deze afspraak is al afgerond. Er is niets veranderd.',
    invalid: 'Deze link klopt niet (meer).',
    extensionSubject: (what: string) => `Besluit over meer tijd: ${what}`,
    stoppedSubject: (what: string) => `Vervallen: ${what}`,
    stopped: (reason: string) => `Deze afspraak is gestopt. U hoeft hier niets meer voor te doen. De reden: ${reason}`,
    extension: (ok: boolean, due: string) =>
      `De projectleider gaat ${ok ? '' : 'niet '}akkoord met de nieuwe datum. De datum is nu ${due}.`,
    approve: 'Akkoord met de nieuwe datum',
    reject: 'Niet akkoord',
    approvalTitle: 'Meer tijd gevraagd',
    decided: 'Uw besluit is verwerkt.',
    errors: {
      'result-required': 'Schrijf kort wat het resultaat is.',
      'reason-required': 'Schrijf waarom.',
      'date-not-later': 'Kies een datum na de huidige datum.',
      'date-too-far': 'Kies een eerdere datum: een actiepunt loopt hooguit 300 dagen.',
      'needs-required': 'Schrijf wat er nodig is.',
      choose: 'Kies een van de mogelijkheden.',
      'expired-form': 'Deze pagina was te lang open. Probeer het nog een keer.',
    } as Record<string, string>,
  },
  en: {
    hello: (n: string) => `Dear ${n},`,
    sign: 'Kind regards,\nThe programme office',
    remindSubject: (what: string) => `Reminder: ${what}`,
    remind: (due: string, left: string) =>
      `It was agreed that this would be done before ${due} (${left}). ` +
      'Please let us know how it stands, using the link.',
    askSubject: (what: string) => `Is it done? ${what}`,
    ask: (due: string) => `This was due on ${due}. Is it done? Please let us know using the link.`,
    escalateSubject: (what: string) => `Agreement not kept: ${what}`,
    escalate: (due: string, step: string) =>
      `This agreement was due on ${due} and there is no outcome yet. It now goes to ${step}.`,
    told: (step: string) => `For your information: this item has been passed on to ${step}.`,
    approvalSubject: (what: string) => `More time asked: ${what}`,
    approval: (due: string, reason: string) => `The owner asks for more time, until ${due}. Reason: ${reason}`,
    approvalReminderSubject: (what: string) => `Reminder: more time asked for ${what}`,
    approvalReminder:
      'You have not yet decided on this request for more time. Please decide using the link. Without a ' +
      'decision the request goes to the next step in a few working days.',
    originalDue: (due: string) => `The agreed date is ${due}. Until there is a decision, that date stands.`,
    lateSince: (due: string) => `This item is late: it was due on ${due}.`,
    asked: (due: string, reason: string) =>
      `You asked for more time, until ${due}. Reason: ${reason}. The project leader decides on this.`,
    approvalEscalateSubject: (what: string) => `No decision yet on more time: ${what}`,
    approvalEscalate: (due: string, step: string) =>
      `The owner asked for more time, until ${due}, and nobody has decided ` +
      `yet. The request now lies with ${step}. You can decide yourself using the link.`,
    approvalTold: (step: string) =>
      `For your information: nobody has decided yet on the request for more time. It has been passed on to ${step}.`,
    receiptSubject: (what: string) => `Received: ${what}`,
    receipt: 'We have received your answer. Thank you.',
    notYou: 'Was this not you? Please contact the programme office.',
    answered: {
      done: (r: string) => `Your answer: done. Result: ${r}`,
      open: (d: string) => `Your answer: more time. The new date is ${d}.`,
      'awaiting-approval': (d: string) => `Your answer: more time, until ${d}. The project leader decides on this.`,
      returned: () => 'Your answer: this is not yours. The programme office will find the right owner.',
      blocked: (n: string) => `Your answer: it is stuck. Needed: ${n}. The project leader has been told.`,
    } as Record<string, (x: string) => string>,
    linkLine: 'Open this link:',
    personal: 'This link is for you only.',
    doneSubject: (what: string) => `Done: ${what}`,
    returnedSubject: (what: string) => `Handed back: ${what}`,
    blockedSubject: (what: string) => `Stuck: ${what}`,
    pageTitle: 'Agreement',
    due: 'Due before',
    choose: 'How does it stand?',
    done: 'Done',
    result: 'What is the result?',
    moreTime: 'I need more time',
    newDate: 'New date',
    reason: 'Why?',
    notMine: 'This is not mine',
    blocked: 'It is stuck',
    needs: 'What is needed?',
    send: 'Send',
    thanks: 'Thank you. Your answer has been received.',
    closed: 'This agreement has already been closed. Nothing was changed.',
    invalid: 'This link is not (or no longer) valid.',
    extensionSubject: (what: string) => `Decision on more time: ${what}`,
    stoppedSubject: (what: string) => `No longer needed: ${what}`,
    stopped: (reason: string) =>
      `This agreement was stopped. You do not need to do anything more for it. The reason: ${reason}`,
    extension: (ok: boolean, due: string) =>
      `The project leader ${ok ? 'agreed to' : 'did not agree to'} the new date. The date is now ${due}.`,
    approve: 'Agree to the new date',
    reject: 'Do not agree',
    approvalTitle: 'More time asked',
    decided: 'Your decision has been processed.',
    errors: {
      'result-required': 'Please say briefly what the result is.',
      'reason-required': 'Please say why.',
      'date-not-later': 'Please choose a date after the current one.',
      'date-too-far': 'Please choose an earlier date: an action item runs for at most 300 days.',
      'needs-required': 'Please say what is needed.',
      choose: 'Please choose one of the options.',
      'expired-form': 'This page was open too long. Please try again.',
    } as Record<string, string>,
  },
};
