/**
 * The demo's consultation (inspraak): a public question to the residents of Nieuw-West, open for
 * three weeks from the demo's start, so `npm start` shows the public page and its form at
 * /inspraak and the office's view at /console/consultations. Made through POST /api/consultations.
 */
export function demoConsultation(from: Date) {
  const deadline = new Date(from.getTime() + 21 * 86_400_000);
  deadline.setUTCHours(16, 0, 0, 0);
  return {
    title: 'Een nieuw plein bij de Sloterplas',
    question: 'Wat wilt u op het nieuwe plein? Bijvoorbeeld bomen, bankjes, een speeltuin of een plek voor een markt.',
    explanation:
      'De gemeente maakt in 2027 een nieuw plein aan de Sloterplas. Samen Nieuw-West vraagt eerst aan bewoners wat ' +
      'zij belangrijk vinden. Na de sluitingsdatum schrijven we op wat we hebben gehoord. Dat gaat naar het ' +
      'alliantiebestuur, en later leest u hier wat er mee is gedaan.',
    documents: [{ title: 'Schets van het plein (voorbeeld)', url: 'https://example.org/plein-sloterplas.pdf' }],
    deadline: deadline.toISOString(),
    areas: ['1060-1069'],
  };
}
