/**
 * What each step in a flow's timeline is called, in Dutch (B1, the default) and English. The
 * audit records keep their machine-readable `kind`; people read these labels, on the console
 * and in the `label` the API adds to every timeline entry.
 */
import type { Lang } from '../platform/time';

/**
 * One table per flow, so that a function's bundle carries only the labels of the flows it shows
 * (the meetings API is close to its 250 KB budget).
 */
export type FlowLabels = Record<Lang, Record<string, string>>;

export const ROUND_LABELS: FlowLabels = {
  nl: {
    created: 'Ronde gestart',
    decided: 'Besluit gegeven',
    changed: 'Besluit veranderd',
    reminded: 'Herinnering klaargezet',
    stage: 'Stemming gestart',
    closed: 'Ronde gesloten',
    extended: 'Deadline verlengd',
    cancelled: 'Ronde gestopt',
    email: 'E-mail verstuurd',
    'stage:objection': 'Stemming gestart na bezwaar',
    'stage:no-consensus': 'Stemming gestart: geen overeenstemming',
  },
  en: {
    created: 'Round started',
    decided: 'Decision given',
    changed: 'Decision changed',
    reminded: 'Reminder queued',
    stage: 'Vote started',
    closed: 'Round closed',
    extended: 'Deadline extended',
    cancelled: 'Round stopped',
    email: 'Email sent',
    'stage:objection': 'Vote started after an objection',
    'stage:no-consensus': 'Vote started: no consensus',
  },
};

export const FOLLOW_UP_LABELS: FlowLabels = {
  nl: {
    created: 'Actiepunt aangemaakt',
    reminded: 'Herinnering klaargezet',
    asked: 'Vraag klaargezet of het gelukt is',
    escalated: 'Doorgezet',
    answered: 'Antwoord van de eigenaar',
    'extension-decided': 'Projectleider besliste over meer tijd',
    'closed-by-office': 'Afgerond door het programmabureau',
    'moved-by-office': 'Datum verzet door het programmabureau',
    cancelled: 'Actiepunt gestopt',
    email: 'E-mail verstuurd',
  },
  en: {
    created: 'Action item created',
    reminded: 'Reminder queued',
    asked: 'Question queued whether it is done',
    escalated: 'Passed on',
    answered: 'Answer from the owner',
    'extension-decided': 'Project leader decided on more time',
    'closed-by-office': 'Closed by the programme office',
    'moved-by-office': 'Date moved by the programme office',
    cancelled: 'Action item stopped',
    email: 'Email sent',
  },
};

export const INPUT_LABELS: FlowLabels = {
  nl: {
    created: 'Uitvraag verstuurd',
    answered: 'Antwoord gegeven',
    recorded: 'Schriftelijke inbreng genoteerd',
    erased: 'Antwoord gewist (AVG)',
    escalated: 'Geen antwoord: actiepunt gemaakt',
    email: 'E-mail verstuurd',
    reminded: 'Herinnering klaargezet',
    closed: 'Uitvraag gesloten',
    moved: 'Deadline verzet',
    cancelled: 'Uitvraag gestopt',
  },
  en: {
    created: 'Input round sent',
    answered: 'Answer given',
    recorded: 'Written input recorded',
    erased: 'Answer erased (GDPR)',
    escalated: 'No answer: action item made',
    email: 'Email sent',
    reminded: 'Reminder queued',
    closed: 'Input round closed',
    moved: 'Deadline moved',
    cancelled: 'Input round stopped',
  },
};

export const MEETING_LABELS: FlowLabels = {
  nl: {
    email: 'E-mail verstuurd',
    'action-item': 'Actiepunt uit het verslag gemaakt',
    'action-item-failed': 'Actiepunt uit het verslag kon niet worden gemaakt',
  },
  en: {
    email: 'Email sent',
    'action-item': 'Action item made from the minutes',
    'action-item-failed': 'Action item from the minutes could not be made',
  },
};

export const SERIES_LABELS: FlowLabels = {
  nl: {
    created: 'Vergaderreeks gemaakt',
    added: 'Losse vergadering toegevoegd',
    moved: 'Vergadering verplaatst',
    cancelled: 'Vergadering afgelast',
    changed: 'Gegevens van de reeks gewijzigd',
  },
  en: {
    created: 'Meeting series created',
    added: 'One-off meeting added',
    moved: 'Meeting moved',
    cancelled: 'Meeting cancelled',
    changed: "Series' details changed",
  },
};

/** For a kind this list does not know yet: a neutral word rather than the stored English one. */
const OTHER: Record<Lang, string> = { nl: 'Stap in het verloop', en: 'Step' };

/**
 * A step may be labelled by why it came: a round's vote stage by the result of the stage before
 * (`details.previous.result`: an objection, or no consensus without one), when its table has a
 * label for that (`stage:objection`). By the table's keys, so no bundle carries another flow's table.
 */
function variant(kind: string, details?: Record<string, unknown>): string | undefined {
  const previous = details?.previous as { result?: unknown } | undefined;
  return typeof previous?.result === 'string' ? `${kind}:${previous.result}` : undefined;
}

export function timelineLabel(flow: FlowLabels, kind: string, lang: Lang, details?: Record<string, unknown>): string {
  const labels = flow[lang];
  const refined = variant(kind, details);
  return (refined && labels[refined]) || labels[kind] || OTHER[lang];
}

/** What kind of email it was (the mail's tag), as a word in a sentence. */
const TAGS: Record<Lang, Record<string, string>> = {
  nl: {
    invite: 'uitnodiging',
    reminder: 'herinnering',
    receipt: 'bevestiging',
    outcome: 'uitkomst',
    notice: 'bericht',
    approval: 'vraag om goedkeuring',
    escalation: 'melding: niet nagekomen',
  },
  en: {
    invite: 'invitation',
    reminder: 'reminder',
    receipt: 'receipt',
    outcome: 'outcome',
    notice: 'notice',
    approval: 'request for approval',
    escalation: 'notice: not kept',
  },
};

export function emailTagLabel(tag: unknown, lang: Lang): string {
  return TAGS[lang][String(tag)] ?? (lang === 'nl' ? 'e-mail' : 'email');
}

/** The quality an Accept-Language header gives a language (RFC 9110 §12.4.2, §12.5.4), 0 when unnamed. */
function quality(header: string, lang: Lang): number {
  let named: number | undefined;
  let wildcard = 0;
  for (const part of header.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
    const value = q ? Number(q[1]) : params.some((p) => p.trim().startsWith('q=')) ? 0 : 1;
    if (range === '*') wildcard = value;
    else if (range === lang || range.startsWith(`${lang}-`)) named = Math.max(named ?? 0, value);
  }
  // A language named with q=0 is refused, even when `*` would take it.
  return named ?? wildcard;
}

/**
 * The language an API caller asks for: English only when Accept-Language prefers it to Dutch, by
 * its quality values (`en;q=0.1, nl` is Dutch); no header, a tie or an unreadable one is Dutch.
 * Written here rather than taken from `negotiator` (Express's): that adds 6 KB to every API bundle,
 * and would put the meetings API over its 250 KB, for two languages.
 */
export function apiLang(acceptLanguage: string | undefined): Lang {
  const header = acceptLanguage ?? '';
  return quality(header, 'en') > quality(header, 'nl') ? 'en' : 'nl';
}

/** The API's timeline: each entry as stored, plus the label a person reads. */
export function labelled<E extends { kind: string; details?: Record<string, unknown> }>(
  flow: FlowLabels,
  entries: E[],
  lang: Lang,
): (E & { label: string })[] {
  return entries.map((e) => ({ ...e, label: timelineLabel(flow, e.kind, lang, e.details) }));
}
