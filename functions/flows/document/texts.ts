/** The documents' words, Dutch first (B1), English for the API and the English console. */
import type { Lang } from '../../platform/time';
import type { UploadRefusal } from './document';

const REFUSALS: Record<UploadRefusal, Record<Lang, string>> = {
  missing: {
    nl: 'Het bestand is niet aangekomen. Probeer het nog eens.',
    en: 'The file did not arrive. Please try again.',
  },
  type: {
    nl: 'Dit soort bestand kan niet. Stuur een PDF, Word, Excel, PowerPoint of een afbeelding (PNG, JPEG, WebP).',
    en: 'This kind of file is not accepted. Send a PDF, Word, Excel, PowerPoint or image (PNG, JPEG, WebP) file.',
  },
  'too-big': {
    nl: 'Het bestand is groter dan 25 MB. Maak het kleiner of verdeel het.',
    en: 'The file is larger than 25 MB. Make it smaller or split it.',
  },
  empty: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
  bytes: {
    nl: 'De inhoud van het bestand past niet bij het soort bestand dat is gekozen. Kies het juiste soort, of sla het bestand opnieuw op.',
    en: 'The content of the file does not match the chosen kind of file. Choose the right kind, or save the file again.',
  },
};

export const refusalMessage = (reason: UploadRefusal, lang: Lang) => REFUSALS[reason][lang];
