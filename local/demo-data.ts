/**
 * Demo data for local mode: Samen Nieuw-West's board, wijkalliantie De Punt's kerngroep and
 * theme groups, and partner organisations named in the source documents. The people are
 * fictional; every address is on example.org, which can never receive mail.
 */
import type { Body, Organisation, Person } from '../functions/engine/directory';
import type { CreateRoundRequest } from '../functions/flows/approval-round/use-cases';

const mail = (name: string) =>
  `${name
    .toLowerCase()
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}@example.org`;
const person = (id: string, name: string, kind: Person['kind'], extra: Partial<Person> = {}): Person => ({
  id,
  name,
  email: mail(name),
  lang: 'nl',
  kind,
  active: true,
  ...extra,
});

export const organisations: Organisation[] = [
  { id: 'gemeente', name: 'Gemeente Amsterdam', kind: 'municipality', contactIds: ['p-marloes-dijkstra'] },
  { id: 'woon', name: 'Woon!', kind: 'housing', contactIds: ['p-ruben-kok'] },
  { id: 'eigenwijks', name: 'Eigenwijks', kind: 'foundation', contactIds: ['p-fatima-el-idrissi'] },
  { id: 'politie', name: 'Politie Amsterdam, team Nieuw-West', kind: 'police', contactIds: ['p-jeroen-bakker'] },
  { id: 'gvb', name: 'GVB', kind: 'business', contactIds: ['p-lotte-visser'] },
  { id: 'ondersteboven', name: 'Stichting Ondersteboven', kind: 'foundation', contactIds: ['p-yusuf-demir'] },
  { id: 'bloei-en-groei', name: 'Bloei en Groei', kind: 'foundation', contactIds: ['p-ineke-smit'] },
  { id: 'fortify', name: 'Fortify', kind: 'foundation', contactIds: ['p-kevin-mensah'] },
  { id: 'nexum', name: 'Stichting Nexum', kind: 'foundation', contactIds: ['p-naima-bouzid'] },
  { id: 'move', name: 'Stichting Move', kind: 'foundation', contactIds: ['p-daan-hoekstra'] },
  { id: 'weggeefwinkel', name: 'Weggeefwinkel', kind: 'other', contactIds: ['p-grietje-mulder'] },
  { id: 'miterah', name: 'Stichting Miterah', kind: 'foundation', contactIds: ['p-sara-haddou'] },
  { id: 'meervaart', name: 'De Meervaart', kind: 'other', contactIds: ['p-thijs-van-dam'] },
];

export const people: Person[] = [
  // Alliantiebestuur: residents, partners, municipality.
  person('p-anouk-de-vries', 'Anouk de Vries', 'municipality', { organisationId: 'gemeente' }),
  person('p-hamid-ouali', 'Hamid Ouali', 'resident'),
  person('p-ria-jansen', 'Ria Jansen', 'resident'),
  person('p-mehmet-yilmaz', 'Mehmet Yılmaz', 'resident'),
  person('p-esther-boateng', 'Esther Boateng', 'resident', { lang: 'en' }),
  person('p-ruben-kok', 'Ruben Kok', 'partner-contact', { organisationId: 'woon' }),
  person('p-marloes-dijkstra', 'Marloes Dijkstra', 'municipality', { organisationId: 'gemeente' }),
  person('p-yusuf-demir', 'Yusuf Demir', 'partner-contact', { organisationId: 'ondersteboven' }),
  person('p-ineke-smit', 'Ineke Smit', 'partner-contact', { organisationId: 'bloei-en-groei' }),
  person('p-pieter-van-leeuwen', 'Pieter van Leeuwen', 'programme-office'),
  // Wijkalliantie De Punt.
  person('p-samira-amrani', 'Samira Amrani', 'programme-office'),
  person('p-kees-brouwer', 'Kees Brouwer', 'resident'),
  person('p-aisha-toure', 'Aïsha Touré', 'resident'),
  person('p-wim-de-groot', 'Wim de Groot', 'resident'),
  person('p-latifa-benali', 'Latifa Benali', 'resident'),
  person('p-johan-peters', 'Johan Peters', 'resident'),
  person('p-dewi-santoso', 'Dewi Santoso', 'resident', { lang: 'en' }),
  person('p-fatima-el-idrissi', 'Fatima el Idrissi', 'partner-contact', { organisationId: 'eigenwijks' }),
  person('p-jeroen-bakker', 'Jeroen Bakker', 'partner-contact', { organisationId: 'politie' }),
  person('p-lotte-visser', 'Lotte Visser', 'partner-contact', { organisationId: 'gvb' }),
  person('p-kevin-mensah', 'Kevin Mensah', 'partner-contact', { organisationId: 'fortify' }),
  person('p-naima-bouzid', 'Naima Bouzid', 'partner-contact', { organisationId: 'nexum' }),
  person('p-daan-hoekstra', 'Daan Hoekstra', 'partner-contact', { organisationId: 'move' }),
  person('p-grietje-mulder', 'Grietje Mulder', 'partner-contact', { organisationId: 'weggeefwinkel' }),
  person('p-sara-haddou', 'Sara Haddou', 'partner-contact', { organisationId: 'miterah' }),
  person('p-thijs-van-dam', 'Thijs van Dam', 'partner-contact', { organisationId: 'meervaart' }),
];

const themes: [string, string, string][] = [
  ['veiligheid', 'Themagroep Veiligheid', 'p-kees-brouwer'],
  ['groen', 'Themagroep Groen', 'p-aisha-toure'],
  ['leefbaarheid', 'Themagroep Leefbaarheid', 'p-wim-de-groot'],
  ['zorg-welzijn-ouderen', 'Themagroep Zorg & Welzijn & Ouderen', 'p-latifa-benali'],
  ['jeugd', 'Themagroep Jeugd en opgroeien', 'p-johan-peters'],
  ['parkeeroverlast', 'Themagroep Parkeeroverlast', 'p-dewi-santoso'],
];

export const bodies: Body[] = [
  {
    id: 'alliantiebestuur',
    name: 'Alliantiebestuur Samen Nieuw-West',
    kind: 'board',
    members: [
      { personId: 'p-anouk-de-vries', role: 'chair', voting: true },
      { personId: 'p-hamid-ouali', role: 'member', voting: true },
      { personId: 'p-ria-jansen', role: 'member', voting: true },
      { personId: 'p-mehmet-yilmaz', role: 'member', voting: true },
      { personId: 'p-esther-boateng', role: 'member', voting: true },
      { personId: 'p-ruben-kok', role: 'member', voting: true },
      { personId: 'p-marloes-dijkstra', role: 'member', voting: true },
      { personId: 'p-pieter-van-leeuwen', role: 'secretary', voting: false },
    ],
  },
  {
    id: 'kerngroep-de-punt',
    name: 'Kerngroep De Punt',
    kind: 'core-group',
    members: [
      { personId: 'p-samira-amrani', role: 'chair', voting: false },
      ...themes.map(([id, , rep]) => ({
        personId: rep,
        role: 'representative' as const,
        voting: true,
        representsBodyId: `themagroep-${id}`,
      })),
    ],
  },
  ...themes.map(
    ([id, name, rep]): Body => ({
      id: `themagroep-${id}`,
      name,
      kind: 'theme-group',
      members: [
        { personId: rep, role: 'representative', voting: true },
        ...(id === 'veiligheid' ? [{ personId: 'p-jeroen-bakker', role: 'member' as const, voting: true }] : []),
        ...(id === 'jeugd' ? [{ personId: 'p-kevin-mensah', role: 'member' as const, voting: true }] : []),
        ...(id === 'zorg-welzijn-ouderen'
          ? [{ personId: 'p-fatima-el-idrissi', role: 'member' as const, voting: true }]
          : []),
      ],
    }),
  ),
];

/** The SPUK application the board must formally approve, ready to be put to the board. */
export function spukDraft(now: Date): CreateRoundRequest {
  const deadline = new Date(now.getTime() + 14 * 24 * 3600 * 1000);
  return {
    title: 'Aanvraag SPUK Kansrijke Wijk 2026-2028',
    summary:
      'Het alliantiebestuur moet de SPUK-aanvraag formeel goedkeuren. ' +
      'Bewoners hebben meegedacht over de aanvraag en denken mee over de besteding. ' +
      'Gaat u akkoord met het indienen van deze aanvraag?',
    documents: [
      { title: 'Concept-aanvraag SPUK KW 26-28', url: 'https://example.org/stukken/spuk-kw-26-28-concept.pdf' },
      { title: 'Bewonerscriteria', url: 'https://example.org/stukken/bewonerscriteria.pdf' },
    ],
    bodyId: 'alliantiebestuur',
    rule: { type: 'majority', quorum: 0.5 },
    deadline: deadline.toISOString(),
    reminders: ['P3D', 'P1D'],
  };
}
