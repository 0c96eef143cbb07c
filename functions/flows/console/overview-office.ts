/**
 * More of what the overview flags, each with the place to act: addresses that bounced or drew a
 * complaint (the person, to fix the address), flows a watchdog handed to the office (while they are
 * still open), and the phases of a running cycle that are back with the office. Pure rules.
 */
import type { Notice } from '../../engine/notice-store';
import type { Lang } from '../../platform/time';
import type { CycleView } from '../cycle';
import type { ActionItem } from '../follow-up';
import { WAITING_STATUSES } from '../follow-up';
import type { InputRound } from '../input-round';
import type { Meeting } from '../meeting';

const DAY_MS = 86400_000;
/** A bounce stays on the overview this long while the person still has the address that bounced. */
const BOUNCE_DAYS = 30;

export interface Bounced {
  personId: string;
  name: string;
  email: string;
  kind: 'bounce' | 'complaint';
  at: string;
}

/**
 * People whose address bounced or drew a complaint in the last 30 days and who still have that address:
 * once the office changes it, they leave the list. The newest notice per person.
 */
export function bouncedAddresses(
  notices: Notice[],
  people: { id: string; name: string; email: string }[],
  now: Date,
): Bounced[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const out: Bounced[] = [];
  for (const n of [...notices].sort((a, b) => b.at.localeCompare(a.at))) {
    if (n.kind === 'stopped' || now.getTime() - Date.parse(n.at) > BOUNCE_DAYS * DAY_MS) continue;
    for (const who of n.people ?? []) {
      const person = byId.get(who.id);
      if (!person || seen.has(person.id) || person.email.toLowerCase() !== who.email.toLowerCase()) continue;
      seen.add(person.id);
      out.push({ personId: person.id, name: person.name, email: person.email, kind: n.kind, at: n.at });
    }
  }
  return out;
}

/** The people the overview must read to decide `bouncedAddresses`: everyone a recent delivery notice names. */
export const bouncedPeopleIds = (notices: Notice[]) => [
  ...new Set(notices.flatMap((n) => (n.kind === 'stopped' ? [] : (n.people ?? []).map((p) => p.id)))),
];

export interface Stopped {
  flow: 'follow-up' | 'input-round' | 'meeting' | 'cycle';
  id: string;
  title: string;
  href?: string;
  at: string;
}

export interface OpenFlows {
  items?: ActionItem[];
  inputs?: InputRound[];
  meetings?: Meeting[];
  cycles?: CycleView[];
}

/**
 * Flows a watchdog carried on once and that stopped again (engine/watchdog-handler.ts records them),
 * for as long as the document is still open: closed, done or cancelled, nobody needs to act any more.
 */
export function stoppedFlows(notices: Notice[], open: OpenFlows, lang: Lang = 'nl'): Stopped[] {
  const find = (flow: string, id: string): Omit<Stopped, 'at'> | undefined => {
    if (flow === 'follow-up') {
      const i = open.items?.find((x) => x.id === id && WAITING_STATUSES.includes(x.status));
      return i && { flow, id, title: i.what, href: `/console/follow-ups/${id}` };
    }
    if (flow === 'input-round') {
      const r = open.inputs?.find((x) => x.id === id && x.status === 'open');
      return r && { flow, id, title: r.title, href: `/console/input-rounds/${id}` };
    }
    if (flow === 'meeting') {
      const m = open.meetings?.find((x) => x.id === id && x.status === 'open');
      return m && { flow, id, title: m.title, href: `/console/meetings/${id}` };
    }
    if (flow === 'cycle') {
      const c = open.cycles?.find((x) => x.id === id && (x.status === 'planned' || x.status === 'running'));
      return c && { flow, id, title: c.name[lang], href: `/console/cycles/${id}` };
    }
    return undefined;
  };
  const seen = new Set<string>();
  return notices.flatMap((n) => {
    if (n.kind !== 'stopped' || !n.flow || !n.docId || seen.has(`${n.flow}/${n.docId}`)) return [];
    seen.add(`${n.flow}/${n.docId}`);
    const doc = find(n.flow, n.docId);
    return doc ? [{ ...doc, at: n.at }] : [];
  });
}

export interface PhaseBack {
  cycleId: string;
  cycle: string;
  key: string;
  title: string;
  href: string;
  why: 'rejected' | 'returned' | 'refused' | 'moveRefused' | 'office';
  outcome?: string;
}

/**
 * Phases of a running cycle that wait for the office: its round did not approve or its action item
 * was handed back (returnedAt), its flow refused to start or to move, or it has no flow of its own
 * and has started (the office marks it done). Done and skipped phases wait for nobody.
 */
export function phasesBackWithOffice(cycles: CycleView[], lang: Lang = 'nl'): PhaseBack[] {
  return cycles
    .filter((c) => c.status === 'running')
    .flatMap((c) =>
      c.phases.flatMap((p): PhaseBack[] => {
        const f = p.facts;
        if (p.skipped || f.doneAt) return [];
        const why: PhaseBack['why'] | undefined = f.returnedAt
          ? f.outcome
            ? 'rejected'
            : 'returned'
          : f.refused
            ? 'refused'
            : f.moveRefused
              ? 'moveRefused'
              : f.office && f.startedAt
                ? 'office'
                : undefined;
        if (!why) return [];
        const href = `/console/cycles/${c.id}/phases/${encodeURIComponent(p.key)}`;
        return [
          { cycleId: c.id, cycle: c.name[lang], key: p.key, title: p.title[lang], href, why, outcome: f.outcome },
        ];
      }),
    );
}
