/**
 * What the public accountability page (/verantwoording) and its Atom feed show, read from the other
 * flows' models and cut down to what the public may see: no owners, registrants, answers or the
 * office's names. The page and the feed are built from this alone, so a test can hand it plain data.
 */
import type { Round } from '../approval-round';
import type { Consultation } from '../consultation';
import type { PublicEvent } from '../event';
import { type ActionItem, lateSince } from '../follow-up';

export interface PublicDecision {
  id: string;
  body: string;
  title: string;
  summary: string;
  outcome: NonNullable<Round['outcome']>;
  at: string;
}
export interface PublicDone {
  id: string;
  what: string;
  result?: string;
  at: string;
}
export interface PublicPastEvent {
  id: string;
  title: string;
  start: string;
  did?: { text: string; at: string };
}
export interface PublicComing {
  id: string;
  title: string;
  start: string;
  place: string;
}
export interface PublicConsultation {
  id: string;
  title: string;
  question: string;
  deadline: string;
  open: boolean;
  summary?: { text: string; at: string };
  outcome?: { text: string; at: string };
}

export interface Accountability {
  decisions: PublicDecision[];
  actions: { done: number; onTime: number; late: number; recentDone: PublicDone[] };
  cycles: { running: number; planned: number; done: number };
  actielijnen: { active: number; ended: number };
  bodies: { id: string; name: string }[];
  pastEvents: PublicPastEvent[];
  comingEvents: PublicComing[];
  consultations: PublicConsultation[];
}

/** The most recent things of each kind the page lists; older ones stay on the pages they come from. */
export const RECENT = 10;

const newestFirst = <T>(xs: T[], at: (x: T) => string) => [...xs].sort((a, b) => at(b).localeCompare(at(a)));

export interface Sources {
  rounds: (Round & { bodyName: string })[];
  items: ActionItem[];
  cycles: { status: string }[];
  actielijnen: { status: string }[];
  bodies: { id: string; name: string }[];
  events: PublicEvent[];
  consultations: Consultation[];
  now: Date;
}

export function accountability(s: Sources): Accountability {
  const now = s.now.getTime();
  const decisions = s.rounds
    .filter((r) => r.status === 'closed' && r.outcome && r.outcome !== 'cancelled' && r.closedAt)
    .map((r) => ({
      id: r.id,
      body: r.bodyName,
      title: r.title,
      summary: r.summary,
      outcome: r.outcome!,
      at: r.closedAt!,
    }));
  const live = s.items.filter((i) => i.status !== 'cancelled');
  const done = live.filter((i) => i.status === 'done');
  const waiting = live.filter((i) => i.status !== 'done' && i.status !== 'returned');
  const late = waiting.filter((i) => lateSince(i, s.now)).length;
  const count = (xs: { status: string }[], status: string) => xs.filter((x) => x.status === status).length;
  const shown = s.events.filter((e) => e.status === 'published');
  return {
    decisions: newestFirst(decisions, (d) => d.at).slice(0, RECENT),
    actions: {
      done: done.length,
      onTime: waiting.length - late,
      late,
      recentDone: newestFirst(
        done.map((i) => ({ id: i.id, what: i.what, result: i.result, at: i.closedAt ?? i.createdAt })),
        (d) => d.at,
      ).slice(0, RECENT),
    },
    cycles: { running: count(s.cycles, 'running'), planned: count(s.cycles, 'planned'), done: count(s.cycles, 'done') },
    actielijnen: { active: count(s.actielijnen, 'active'), ended: count(s.actielijnen, 'ended') },
    bodies: s.bodies,
    pastEvents: newestFirst(
      shown
        .filter((e) => Date.parse(e.end) <= now)
        .map((e) => ({ id: e.id, title: e.title, start: e.start, did: e.did && { text: e.did.text, at: e.did.at } })),
      (e) => e.start,
    ).slice(0, RECENT),
    comingEvents: shown
      .filter((e) => Date.parse(e.end) > now)
      .sort((a, b) => a.start.localeCompare(b.start))
      .slice(0, RECENT)
      .map((e) => ({ id: e.id, title: e.title, start: e.start, place: e.place })),
    consultations: newestFirst(
      s.consultations
        .filter((c) => !c.cancelled)
        .map((c) => ({
          id: c.id,
          title: c.title,
          question: c.question,
          deadline: c.deadline,
          open: c.status === 'open' && Date.parse(c.deadline) > now,
          summary: c.summary && { text: c.summary.text, at: c.summary.at },
          outcome: c.outcome && { text: c.outcome.text, at: c.outcome.at },
        })),
      (c) => c.deadline,
    ).slice(0, RECENT),
  };
}
