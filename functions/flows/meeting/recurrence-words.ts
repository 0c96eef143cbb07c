/** The recurrence picker's words: weekdays, which one in the month, months, and the sentence shapes. */

export const RECURRENCE_WORDS = {
  nl: {
    days: {
      MO: 'maandag',
      TU: 'dinsdag',
      WE: 'woensdag',
      TH: 'donderdag',
      FR: 'vrijdag',
      SA: 'zaterdag',
      SU: 'zondag',
    },
    ordinals: { 1: 'eerste', 2: 'tweede', 3: 'derde', 4: 'vierde', [-1]: 'laatste' } as Record<number, string>,
    months: [
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ],
    weekly: (n: number, d: string) => (n > 1 ? `elke ${n} weken op ${d}` : `elke ${d}`),
    monthly: (n: number, on: string) => (n > 1 ? `elke ${n} maanden ${on}` : `elke maand ${on}`),
    halfYearly: (m1: string, m2: string, on: string) => `elk half jaar (${m1} en ${m2}) ${on}`,
    yearly: (on: string) => `elk jaar ${on}`,
    onDate: (d: number, month?: string) => `op de ${d}e${month ? ` van ${month}` : ''}`,
    onWeekday: (o: string, d: string, month?: string) => `op de ${o} ${d} van ${month ?? 'de maand'}`,
    // "elke tweede dinsdag van de maand" reads better without "maand … van de maand".
    monthlyWeekday: (o: string, d: string) => `elke ${o} ${d} van de maand`,
  },
  en: {
    days: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
    ordinals: { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' } as Record<number, string>,
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    weekly: (n: number, d: string) => (n > 1 ? `every ${n} weeks on ${d}` : `every ${d}`),
    monthly: (n: number, on: string) => (n > 1 ? `every ${n} months ${on}` : `every month ${on}`),
    halfYearly: (m1: string, m2: string, on: string) => `every six months (${m1} and ${m2}) ${on}`,
    yearly: (on: string) => `every year ${on}`,
    onDate: (d: number, month?: string) => `on the ${d}${suffix(d)}${month ? ` of ${month}` : ''}`,
    onWeekday: (o: string, d: string, month?: string) => `on the ${o} ${d} of ${month ?? 'the month'}`,
    monthlyWeekday: (o: string, d: string) => `every ${o} ${d} of the month`,
  },
};

function suffix(d: number): string {
  if (d >= 11 && d <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][d % 10] ?? 'th';
}
