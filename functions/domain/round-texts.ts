/**
 * Every word a person reads about an approval round, in Dutch (B1, the default) and English.
 * Kept in one place so that the emails, the pages and the tests speak the same language.
 */
import type { Choice, Outcome, Rule, Stage, Tally } from './rules';
import type { Lang } from './time';

export const choiceLabel: Record<Lang, Record<Choice, string>> = {
  nl: { approve: 'Akkoord', reject: 'Niet akkoord', abstain: 'Ik onthoud me', object: 'Ik heb bezwaar' },
  en: { approve: 'Approve', reject: 'Reject', abstain: 'Abstain', object: 'I object' },
};

export const outcomeLabel: Record<Lang, Record<Outcome, string>> = {
  nl: {
    approved: 'aangenomen',
    rejected: 'niet aangenomen',
    'no-quorum': 'geen besluit: te weinig mensen hebben gereageerd',
    'no-response': 'geen besluit: niemand heeft gereageerd',
    cancelled: 'gestopt',
  },
  en: {
    approved: 'approved',
    rejected: 'not approved',
    'no-quorum': 'no decision: too few people responded',
    'no-response': 'no decision: nobody responded',
    cancelled: 'cancelled',
  },
};

/** The rule in one sentence. */
export function ruleSentence(rule: Rule, stage: Stage, lang: Lang): string {
  const q = Math.round((rule.quorum ?? 0.5) * 100);
  const nl = lang === 'nl';
  if (stage === 'consent') {
    return nl
      ? 'Het voorstel is aangenomen als niemand bezwaar maakt. Heeft u bezwaar? Schrijf dan op waarom.'
      : 'The proposal is adopted unless someone objects. If you object, please say why.';
  }
  switch (rule.type) {
    case 'unanimous':
      return nl ? 'Het voorstel is aangenomen als iedereen akkoord is.' : 'The proposal is approved if everyone approves.';
    case 'first-response':
      return nl ? 'De eerste die akkoord of niet akkoord geeft, beslist.' : 'The first person to approve or reject decides.';
    default:
      return nl
        ? `Het voorstel is aangenomen als meer dan de helft van de stemmen akkoord is. Meer dan ${q}% van de mensen moet reageren.`
        : `The proposal is approved if more than half of the votes approve. More than ${q}% of the people must respond.`;
  }
}

export function tallyLine(t: Tally, lang: Lang): string {
  return lang === 'nl'
    ? `${t.approve} akkoord, ${t.reject} niet akkoord, ${t.abstain} onthouden, ${t.object} bezwaar, ${t.pending} geen reactie (van ${t.eligible})`
    : `${t.approve} approve, ${t.reject} reject, ${t.abstain} abstain, ${t.object} objection, ${t.pending} no response (of ${t.eligible})`;
}

export const t = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    inviteSubject: (title: string) => `Uw besluit gevraagd: ${title}`,
    majorityStageSubject: (title: string) => `Er is bezwaar: stem nu over ${title}`,
    inviteIntro: 'Wij vragen uw besluit over dit voorstel.',
    majorityStageIntro: 'Er is bezwaar gemaakt tegen dit voorstel. Daarom wordt er nu gestemd. Lees het bezwaar hieronder.',
    objectionsHeading: 'Bezwaren',
    deadlineLine: (when: string) => `Geef uw besluit vóór ${when}.`,
    documentsHeading: 'Stukken',
    linkLine: 'Open deze link om het voorstel te lezen en uw besluit te geven:',
    linkButton: 'Voorstel bekijken en besluiten',
    personalLink: 'Deze link is alleen voor u. Stuur deze e-mail niet door.',
    reminderSubject: (title: string) => `Herinnering: uw besluit over ${title}`,
    reminderIntro: 'U heeft nog niet gereageerd op dit voorstel.',
    closesIn: (relative: string) => `De ronde sluit ${relative}.`,
    receiptSubject: (title: string) => `Ontvangen: uw besluit over ${title}`,
    receiptIntro: (choice: string, when: string) => `Wij hebben uw besluit ontvangen: "${choice}" (${when}).`,
    receiptChange: 'U kunt uw besluit veranderen zolang de ronde open is. Gebruik daarvoor de link uit de uitnodiging.',
    receiptNotYou: 'Was u dit niet? Neem dan contact op met het programmabureau.',
    outcomeSubject: (title: string, outcome: string) => `Besluit: ${title} is ${outcome}`,
    outcomeIntro: (outcome: string) => `De ronde is gesloten. Uitkomst: ${outcome}.`,
    cancelledIntro: (reason: string) => `Deze ronde is gestopt door het programmabureau. Reden: ${reason}`,
    tallyHeading: 'Telling',
    noQuorumOfficeSubject: (title: string) => `Geen besluit over ${title}: te weinig reacties`,
    signature: 'Met vriendelijke groet,\nHet programmabureau',
    preferences: 'Liever e-mail in het Engels? Laat het programmabureau het weten.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    inviteSubject: (title: string) => `Your decision is requested: ${title}`,
    majorityStageSubject: (title: string) => `An objection was raised: please vote on ${title}`,
    inviteIntro: 'We ask for your decision on this proposal.',
    majorityStageIntro: 'Someone objected to this proposal, so there will now be a vote. Please read the objection below.',
    objectionsHeading: 'Objections',
    deadlineLine: (when: string) => `Please decide before ${when} (Amsterdam time).`,
    documentsHeading: 'Documents',
    linkLine: 'Open this link to read the proposal and give your decision:',
    linkButton: 'Read the proposal and decide',
    personalLink: 'This link is for you only. Please do not forward this email.',
    reminderSubject: (title: string) => `Reminder: your decision on ${title}`,
    reminderIntro: 'You have not yet responded to this proposal.',
    closesIn: (relative: string) => `The round closes ${relative}.`,
    receiptSubject: (title: string) => `Received: your decision on ${title}`,
    receiptIntro: (choice: string, when: string) => `We have received your decision: "${choice}" (${when}).`,
    receiptChange: 'You can change your decision while the round is open, using the link in the invitation.',
    receiptNotYou: 'Was this not you? Please contact the programme office.',
    outcomeSubject: (title: string, outcome: string) => `Decision: ${title} is ${outcome}`,
    outcomeIntro: (outcome: string) => `The round is closed. Outcome: ${outcome}.`,
    cancelledIntro: (reason: string) => `The programme office cancelled this round. Reason: ${reason}`,
    tallyHeading: 'Count',
    noQuorumOfficeSubject: (title: string) => `No decision on ${title}: too few responses`,
    signature: 'Kind regards,\nThe programme office',
    preferences: 'Liever e-mail in het Nederlands? Laat het programmabureau het weten.',
  },
} as const;
