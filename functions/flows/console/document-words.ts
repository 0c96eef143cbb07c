/** The words of the console's document pages and the board pack, Dutch first (B1), and English. */
import type { Lang } from '../../platform/time';

const nl = {
  documents: 'Bestanden',
  roundFiles: (title: string) => `Bestanden bij de ronde "${title}"`,
  meetingFiles: (title: string) => `Bestanden bij de vergadering "${title}"`,
  none: 'Er zijn nog geen bestanden.',
  name: 'Naam',
  kind: 'Soort',
  size: 'Grootte',
  uploaded: 'Toegevoegd',
  add: 'Bestand toevoegen',
  added: 'Het bestand is toegevoegd.',
  forMembers: 'Leden zien deze bestanden op hun eigen pagina, via de link in hun e-mail.',
  minutes: 'Verslag en presentaties',
  minutesHint: 'De presentaties die met het verslag meegaan.',
  back: 'Terug naar de ronde',
  boardPack: 'Vergaderstukken',
  boardPackTitle: (title: string) => `Vergaderstukken: ${title}`,
  boardPackIntro: 'De agenda met de stukken bij elk punt. Druk deze pagina af, of open de stukken één voor één.',
  print: 'Afdrukken: gebruik Afdrukken in uw browser (Ctrl+P).',
  when: 'Wanneer',
  where: 'Waar',
  agenda: 'Agenda',
  noFiles: 'Geen stukken.',
  downloadAll: 'Alle stukken downloaden (zip)',
  packTooBig: 'Samen zijn de stukken groter dan 150 MB. Open ze één voor één.',
  kb: (n: number) => `${Math.max(1, Math.round(n / 1024))} kB`,
  mb: (n: number) => `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`,
};

const en: typeof nl = {
  documents: 'Files',
  roundFiles: (title) => `Files for the round "${title}"`,
  meetingFiles: (title) => `Files for the meeting "${title}"`,
  none: 'There are no files yet.',
  name: 'Name',
  kind: 'Kind',
  size: 'Size',
  uploaded: 'Added',
  add: 'Add a file',
  added: 'The file has been added.',
  forMembers: 'Members see these files on their own page, through the link in their email.',
  minutes: 'Minutes and presentations',
  minutesHint: 'The presentations that go with the minutes.',
  back: 'Back to the round',
  boardPack: 'Board pack',
  boardPackTitle: (title) => `Board pack: ${title}`,
  boardPackIntro: 'The agenda with the documents of each item. Print this page, or open the documents one by one.',
  print: 'To print: use Print in your browser (Ctrl+P).',
  when: 'When',
  where: 'Where',
  agenda: 'Agenda',
  noFiles: 'No documents.',
  downloadAll: 'Download all documents (zip)',
  packTooBig: 'Together the documents are larger than 150 MB. Open them one by one.',
  kb: (n) => `${Math.max(1, Math.round(n / 1024))} kB`,
  mb: (n) => `${(n / 1024 / 1024).toFixed(1)} MB`,
};

export const documentWords: Record<Lang, typeof nl> = { nl, en };
export type DocumentWords = typeof nl;

export const sizeText = (w: DocumentWords, bytes: number) => (bytes < 1024 * 1024 ? w.kb(bytes) : w.mb(bytes));
