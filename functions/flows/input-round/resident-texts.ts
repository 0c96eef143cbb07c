/**
 * Every word a person asked for their own input reads — emails and the answer page — in plain
 * Dutch (B1) and English. Residents are not partners: no "uitvraag", no "aanleveren", no jargon.
 */
import type { WrittenVia } from './input-round';

export const residentWords = {
  nl: {
    hello: (n: string) => `Beste ${n},`,
    sign: 'Met vriendelijke groet,\nHet programmabureau',
    askSubject: (t: string) => `Wat vindt u? ${t}`,
    ask: (d: string) => `Wij horen graag wat u vindt. Schrijf het op in uw eigen woorden. Dat kan tot ${d}.`,
    other:
      'Schrijft u liever een brief, of vertelt u het liever? Dat kan ook. Neem dan contact op met het programmabureau.',
    remindSubject: (t: string) => `Herinnering: ${t}`,
    remind: (d: string, left: string) =>
      `Wij hebben nog geen antwoord van u. U kunt nog antwoorden tot ${d} (${left}).`,
    linkLine: 'Geef uw antwoord via deze link:',
    personal: 'Deze link is alleen voor u. Stuur hem niet door.',
    receiptSubject: (t: string) => `Ontvangen: ${t}`,
    stoppedSubject: (t: string) => `Gestopt: ${t}`,
    stoppedPending: (reason: string) => `Deze vraag is gestopt. U hoeft niet meer te antwoorden. De reden: ${reason}`,
    stoppedAnswered: (reason: string) =>
      `Deze vraag is gestopt. Uw antwoord blijft bewaard. Dank u wel! De reden: ${reason}`,
    receipt: (d: string) =>
      `Wij hebben uw antwoord ontvangen. Dank u wel! Wilt u iets veranderen? Dat kan tot ${d}, met dezelfde link.`,
    title: 'Uw mening',
    due: 'U kunt antwoorden tot',
    answer: 'Uw antwoord',
    hint: 'Schrijf in uw eigen woorden wat u belangrijk vindt. U kunt uw antwoord later nog veranderen.',
    current: 'Dit is uw antwoord. U kunt het hieronder veranderen.',
    recorded: (how: string) =>
      `Het programmabureau heeft uw antwoord opgeschreven (${how}). U kunt het hieronder veranderen.`,
    send: 'Versturen',
    thanks: 'Dank u wel. Wij hebben uw antwoord ontvangen.',
    closed: 'U kunt niet meer antwoorden: de datum is voorbij.',
    stopped: 'U kunt niet meer antwoorden: het programmabureau heeft deze vraag gestopt.',
    nothingChanged: 'Er is niets veranderd.',
    via: {
      letter: 'per brief',
      email: 'per e-mail',
      conversation: 'in een gesprek',
      phone: 'aan de telefoon',
      meeting: 'op een bijeenkomst',
    } as Record<WrittenVia, string>,
    byLink: 'via de link',
    errors: {
      'text-required': 'Schrijf eerst uw antwoord.',
      'expired-form': 'Deze pagina stond te lang open. Probeer het nog een keer.',
    } as Record<string, string>,
  },
  en: {
    hello: (n: string) => `Dear ${n},`,
    sign: 'Kind regards,\nThe programme office',
    askSubject: (t: string) => `What do you think? ${t}`,
    ask: (d: string) =>
      `We would like to hear what you think. Write it down in your own words. You can do so until ${d}.`,
    other: 'Would you rather write a letter, or tell us? That is possible too. Please contact the programme office.',
    remindSubject: (t: string) => `Reminder: ${t}`,
    remind: (d: string, left: string) => `We have not had your answer yet. You can still answer until ${d} (${left}).`,
    linkLine: 'Give your answer through this link:',
    personal: 'This link is for you only. Please do not pass it on.',
    receiptSubject: (t: string) => `Received: ${t}`,
    stoppedSubject: (t: string) => `Stopped: ${t}`,
    stoppedPending: (reason: string) =>
      `This question was stopped. You do not need to answer any more. The reason: ${reason}`,
    stoppedAnswered: (reason: string) =>
      `This question was stopped. Your answer is kept. Thank you! The reason: ${reason}`,
    receipt: (d: string) =>
      `We have received your answer. Thank you! Would you like to change something? You can until ${d}, with the same link.`,
    title: 'Your opinion',
    due: 'You can answer until',
    answer: 'Your answer',
    hint: 'Write in your own words what matters to you. You can still change your answer later.',
    current: 'This is your answer. You can change it below.',
    recorded: (how: string) => `The programme office wrote down your answer (${how}). You can change it below.`,
    send: 'Send',
    thanks: 'Thank you. We have received your answer.',
    closed: 'You can no longer answer: the date has passed.',
    stopped: 'You can no longer answer: the programme office has stopped this question.',
    nothingChanged: 'Nothing was changed.',
    via: {
      letter: 'by letter',
      email: 'by email',
      conversation: 'in a conversation',
      phone: 'on the phone',
      meeting: 'at a meeting',
    } as Record<WrittenVia, string>,
    byLink: 'through the link',
    errors: {
      'text-required': 'Please write your answer first.',
      'expired-form': 'This page was open too long. Please try again.',
    } as Record<string, string>,
  },
};
