/**
 * Every word a person reads about an approval round, in Dutch (B1, the default) and English.
 * Kept in one place so that the emails, the pages and the tests speak the same language.
 */
import type { Choice, Outcome, Rule, RuleType, Stage, Tally } from './rules';
import type { Lang } from '../../platform/time';

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

/** The outcome as a whole sentence, for emails and pages that say what came of a round. */
export const outcomeSentence: Record<Lang, Record<Outcome, string>> = {
  nl: {
    approved: 'Het voorstel is aangenomen.',
    rejected: 'Het voorstel is niet aangenomen.',
    'no-quorum': 'Er is geen besluit, want te weinig mensen hebben gereageerd.',
    'no-response': 'Er is geen besluit, want niemand heeft gereageerd.',
    cancelled: 'Het programmabureau heeft de ronde gestopt.',
  },
  en: {
    approved: 'The proposal was approved.',
    rejected: 'The proposal was not approved.',
    'no-quorum': 'There is no decision, because too few people responded.',
    'no-response': 'There is no decision, because nobody responded.',
    cancelled: 'The programme office stopped the round.',
  },
};

/** How each rule decides, in one plain sentence: what the office reads when it chooses a rule. */
export const ruleExplanation: Record<Lang, Record<RuleType, string>> = {
  nl: {
    majority: 'Meer dan de helft van de stemmen moet akkoord zijn, en genoeg mensen moeten reageren.',
    'consensus-then-majority':
      'Alleen aangenomen als genoeg mensen actief instemmen en niemand bezwaar houdt; ' +
      'anders volgt een stemming waarin ieders antwoord als stem meetelt.',
    consent:
      'Aangenomen tenzij iemand bezwaar maakt: wie niet reageert, gaat akkoord ' +
      '(u kunt wel een minimale opkomst eisen).',
    unanimous: 'Alleen aangenomen als iedereen akkoord is.',
    'first-response': 'De eerste die akkoord of niet akkoord geeft, beslist.',
  },
  en: {
    majority: 'More than half of the votes must approve, and enough people must respond.',
    'consensus-then-majority':
      'Adopted only if enough people actively agree and nobody keeps an objection; ' +
      "otherwise a vote follows in which everyone's answer counts as their vote.",
    consent: 'Adopted unless someone objects: not responding counts as agreeing (you can require a minimum turnout).',
    unanimous: 'Adopted only if everyone approves.',
    'first-response': 'The first person to approve or reject decides.',
  },
};

/** The rule in one sentence, as the members read it in the stage they are in. */
export function ruleSentence(rule: Rule, stage: Stage, lang: Lang): string {
  const q = Math.round((rule.quorum ?? 0.5) * 100);
  const nl = lang === 'nl';
  if (stage === 'consent' && rule.type === 'consensus-then-majority') {
    return nl
      ? 'Het voorstel is aangenomen als niemand bezwaar houdt ' +
          `en meer dan ${q}% van de mensen akkoord geeft of zich onthoudt. Niet reageren telt niet als akkoord. ` +
          'Lukt dat niet, dan volgt een stemming bij meerderheid; uw antwoord telt dan als stem.'
      : `The proposal is adopted if nobody keeps an objection and more than ${q}% of the people approve or abstain. ` +
          'Not responding does not count as agreeing. ' +
          'Otherwise a majority vote follows, in which your answer counts as your vote.';
  }
  if (stage === 'consent' && rule.quorum !== undefined) {
    return nl
      ? `Het voorstel is aangenomen als niemand bezwaar maakt en meer dan ${q}% van de mensen reageert. ` +
          'Heeft u bezwaar? Schrijf dan op waarom.'
      : `The proposal is adopted unless someone objects, if more than ${q}% of the people respond. ` +
          'If you object, please say why.';
  }
  if (stage === 'consent') {
    return nl
      ? 'Het voorstel is aangenomen als niemand bezwaar maakt. Wie niet reageert, gaat akkoord. ' +
          'Heeft u bezwaar? Schrijf dan op waarom.'
      : 'The proposal is adopted unless someone objects. Not responding counts as agreeing. ' +
          'If you object, please say why.';
  }
  switch (rule.type) {
    case 'unanimous':
      return nl
        ? 'Het voorstel is aangenomen als iedereen akkoord is.'
        : 'The proposal is approved if everyone approves.';
    case 'first-response':
      return nl
        ? 'De eerste die akkoord of niet akkoord geeft, beslist.'
        : 'The first person to approve or reject decides.';
    default:
      return nl
        ? 'Het voorstel is aangenomen als meer dan de helft van de stemmen akkoord is. ' +
            `Meer dan ${q}% van de mensen moet reageren.`
        : 'The proposal is approved if more than half of the votes approve. ' +
            `More than ${q}% of the people must respond.`;
  }
}

export function tallyLine(t: Tally, lang: Lang): string {
  return lang === 'nl'
    ? `${t.approve} akkoord, ${t.reject} niet akkoord, ${t.abstain} onthouden, ${t.object} bezwaar, ` +
        `${t.pending} geen reactie (van ${t.eligible})`
    : `${t.approve} approve, ${t.reject} reject, ${t.abstain} abstain, ${t.object} objection, ` +
        `${t.pending} no response (of ${t.eligible})`;
}

export const t = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    inviteSubject: (title: string) => `Uw besluit gevraagd: ${title}`,
    majorityStageSubject: (title: string) => `Er is bezwaar: stem nu over ${title}`,
    noConsensusSubject: (title: string) => `Geen overeenstemming: stem nu over ${title}`,
    inviteIntro: 'Wij vragen uw besluit over dit voorstel.',
    majorityStageIntro:
      'Er is bezwaar gemaakt tegen dit voorstel. Daarom wordt er nu gestemd. Lees het bezwaar hieronder.',
    noConsensusIntro:
      'Er is geen overeenstemming over dit voorstel: te weinig mensen hebben ingestemd. ' +
      'Daarom wordt er nu gestemd.',
    counted: (choice: string) => `Uw antwoord uit de eerste ronde telt nu als uw stem: "${choice}".`,
    countedChange: (when: string) =>
      `Wilt u iets anders stemmen? Open de link en kies opnieuw vóór ${when}. Doet u niets, dan telt deze stem.`,
    notCounted: 'U heeft in de eerste ronde niet gereageerd. Geef uw stem via de link.',
    ruleHeading: 'Zo wordt besloten',
    objectionsHeading: 'Bezwaren',
    deadlineLine: (when: string) => `Geef uw besluit vóór ${when}.`,
    documentsHeading: 'Stukken',
    linkLine: 'Open deze link om het voorstel te lezen en uw besluit te geven:',
    countedLinkLine: 'Open deze link om het voorstel te lezen of uw stem te veranderen:',
    linkButton: 'Voorstel bekijken en besluiten',
    personalLink: 'Deze link is alleen voor u. Stuur deze e-mail niet door.',
    reminderSubject: (title: string) => `Herinnering: uw besluit over ${title}`,
    reminderIntro: 'U heeft nog niet gereageerd op dit voorstel.',
    closesIn: (relative: string) => `De ronde sluit ${relative}.`,
    receiptSubject: (title: string) => `Ontvangen: uw besluit over ${title}`,
    receiptIntro: (choice: string, when: string) => `Wij hebben uw besluit ontvangen: "${choice}" (${when}).`,
    receiptChange: 'U kunt uw besluit veranderen zolang de ronde open is. Gebruik daarvoor de link uit de uitnodiging.',
    receiptNotYou: 'Was u dit niet? Neem dan contact op met het programmabureau.',
    outcomeSubject: (title: string, outcome: Outcome) =>
      ({
        approved: `Besluit: ${title} is aangenomen`,
        rejected: `Besluit: ${title} is niet aangenomen`,
        'no-quorum': `Geen besluit over ${title}: te weinig mensen hebben gereageerd`,
        'no-response': `Geen besluit over ${title}: niemand heeft gereageerd`,
        cancelled: `De ronde over ${title} is gestopt`,
      })[outcome],
    outcomeIntro: (sentence: string) => `De ronde is gesloten. ${sentence}`,
    cancelledIntro: (reason: string) => `Deze ronde is gestopt door het programmabureau. Reden: ${reason}`,
    tallyHeading: 'Telling',
    noQuorumOfficeSubject: (title: string) =>
      `Let op: geen besluit over ${title}, want te weinig mensen hebben gereageerd`,
    signature: 'Met vriendelijke groet,\nHet programmabureau',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    inviteSubject: (title: string) => `Your decision is requested: ${title}`,
    majorityStageSubject: (title: string) => `An objection was raised: please vote on ${title}`,
    noConsensusSubject: (title: string) => `No consensus: please vote on ${title}`,
    inviteIntro: 'We ask for your decision on this proposal.',
    majorityStageIntro:
      'Someone objected to this proposal, so there will now be a vote. Please read the objection below.',
    noConsensusIntro: 'There is no consensus on this proposal: too few people agreed. So there will now be a vote.',
    counted: (choice: string) => `Your answer from the first stage now counts as your vote: "${choice}".`,
    countedChange: (when: string) =>
      `Want to vote differently? Open the link and choose again before ${when} ` +
      '(Amsterdam time). If you do nothing, this vote counts.',
    notCounted: 'You did not respond in the first stage. Please vote using the link.',
    ruleHeading: 'How the decision is made',
    objectionsHeading: 'Objections',
    deadlineLine: (when: string) => `Please decide before ${when} (Amsterdam time).`,
    documentsHeading: 'Documents',
    linkLine: 'Open this link to read the proposal and give your decision:',
    countedLinkLine: 'Open this link to read the proposal or change your vote:',
    linkButton: 'Read the proposal and decide',
    personalLink: 'This link is for you only. Please do not forward this email.',
    reminderSubject: (title: string) => `Reminder: your decision on ${title}`,
    reminderIntro: 'You have not yet responded to this proposal.',
    closesIn: (relative: string) => `The round closes ${relative}.`,
    receiptSubject: (title: string) => `Received: your decision on ${title}`,
    receiptIntro: (choice: string, when: string) => `We have received your decision: "${choice}" (${when}).`,
    receiptChange: 'You can change your decision while the round is open, using the link in the invitation.',
    receiptNotYou: 'Was this not you? Please contact the programme office.',
    outcomeSubject: (title: string, outcome: Outcome) =>
      ({
        approved: `Decision: ${title} was approved`,
        rejected: `Decision: ${title} was not approved`,
        'no-quorum': `No decision on ${title}: too few people responded`,
        'no-response': `No decision on ${title}: nobody responded`,
        cancelled: `The round on ${title} was cancelled`,
      })[outcome],
    outcomeIntro: (sentence: string) => `The round is closed. ${sentence}`,
    cancelledIntro: (reason: string) => `The programme office cancelled this round. Reason: ${reason}`,
    tallyHeading: 'Count',
    noQuorumOfficeSubject: (title: string) => `Attention: no decision on ${title}, because too few people responded`,
    signature: 'Kind regards,\nThe programme office',
  },
} as const;
