/** The words of the public page and the public minutes: plain Dutch first, English word for word alongside. */

export const publicWords = {
  nl: {
    title: (b: string) => `Wat is er gebeurd met onze afspraken? — ${b}`,
    intro: 'Hier ziet u welke afspraken er zijn gemaakt, wie wat doet en wat eruit is gekomen.',
    running: 'Loopt nog',
    finished: 'Afgerond',
    handedBack: 'Teruggegeven aan het programmabureau',
    stuck: 'Loopt vast',
    none: 'Er zijn nog geen afspraken.',
    due: 'Klaar vóór',
    who: 'Wie',
    result: 'Resultaat',
    needs: 'Wat is er nodig',
    late: 'te laat',
    kinds: {
      resident: 'een bewoner',
      'partner-contact': 'een partner',
      municipality: 'de gemeente',
      'programme-office': 'het programmabureau',
    } as Record<string, string>,
    meetings: 'Vergaderingen',
    decided: 'Besloten',
    whoWhat: 'Wie doet wat',
    discussed: 'Besproken',
    standing: {
      opening: 'Opening',
      'last-minutes': 'Verslag van de vorige vergadering',
      'action-items': 'Actiepunten',
      'any-other-business': 'Rondvraag',
    } as Record<string, string>,
    decisions: 'Besluiten',
    decidedOn: (d: string) => `Afgerond op ${d}.`,
    stoppedOn: (d: string) => `Gestopt op ${d}, voordat er een besluit was.`,
    rule: 'Zo werd besloten',
    count: 'Telling',
    firstStage: 'Eerst instemming',
    vote: 'Daarna de stemming',
    rules: {
      majority: (q: number) => `bij meerderheid van stemmen; meer dan ${q}% van de leden moest reageren`,
      unanimous: () => 'alleen als iedereen akkoord was',
      consent: (q?: number) =>
        `aangenomen tenzij iemand bezwaar maakte${q ? `; meer dan ${q}% van de leden moest reageren` : ''}`,
      'consensus-then-majority': (q: number) =>
        'eerst instemming ' +
        `(zonder bezwaar, en meer dan ${q}% van de leden reageerde); ` +
        'lukte dat niet, dan een stemming bij meerderheid',
      'first-response': () => 'de eerste reactie besliste',
    },
  },
  en: {
    title: (b: string) => `What happened with our agreements? — ${b}`,
    intro: 'This page shows the agreements made, who does what, and what came of them.',
    running: 'In progress',
    finished: 'Done',
    handedBack: 'Handed back to the programme office',
    stuck: 'Stuck',
    none: 'There are no agreements yet.',
    due: 'Due before',
    who: 'Who',
    result: 'Result',
    needs: 'What is needed',
    late: 'late',
    kinds: {
      resident: 'a resident',
      'partner-contact': 'a partner',
      municipality: 'the municipality',
      'programme-office': 'the programme office',
    },
    meetings: 'Meetings',
    decided: 'Decided',
    whoWhat: 'Who does what',
    discussed: 'Discussed',
    standing: {
      opening: 'Opening',
      'last-minutes': 'Minutes of the last meeting',
      'action-items': 'Action items',
      'any-other-business': 'Any other business',
    } as Record<string, string>,
    decisions: 'Decisions',
    decidedOn: (d: string) => `Closed on ${d}.`,
    stoppedOn: (d: string) => `Stopped on ${d}, before there was a decision.`,
    rule: 'How it was decided',
    count: 'Count',
    firstStage: 'First, consent',
    vote: 'Then the vote',
    rules: {
      majority: (q: number) => `by a majority of votes; more than ${q}% of the members had to respond`,
      unanimous: () => 'only if everyone approved',
      consent: (q?: number) =>
        `adopted unless someone objected${q ? `; more than ${q}% of the members had to respond` : ''}`,
      'consensus-then-majority': (q: number) =>
        'first consent ' +
        `(no objection, and more than ${q}% of the members responded); ` +
        'if that failed, a majority vote',
      'first-response': () => 'the first response decided',
    },
  },
};
