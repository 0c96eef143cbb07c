/** What every flow's emails are made of: a subject, plain text and HTML, in the recipient's language. */
import type { Lang } from '../platform/time';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** A meeting's calendar invitation (iCalendar text); its METHOD must match `method`. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}
export interface Recipient {
  name: string;
  lang: Lang;
}
