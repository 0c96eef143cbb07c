/**
 * A cycle the programme office started from a template: the document the store keeps whole and
 * changes only by versioned writes. The plan is what plan-cycle.ts and the changes give; `facts`
 * is what each phase's own flow reports and the office marks (filled by the cycle's workflow, run.ts).
 */
import type { CyclePlan } from './plan';
import type { PhaseFacts } from './status';
import type { Role, Words } from './template';

export const CYCLE_STATUSES = ['planned', 'running', 'done', 'cancelled'] as const;
/** planned: started by the office, its workflow not yet at its first step; running and done come from the workflow (done also from the office's last mark). */
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** Who fills a role: people and partner organisations from the directory (its contacts get the emails). */
export interface Assignment {
  personIds: string[];
  organisationIds: string[];
}

export interface Cycle {
  id: string;
  templateId: string;
  /**
   * The template's name when the cycle started, so a renamed template does not rename a running
   * cycle; with its subject's name when it is about one ("Voortgang van een actielijn – Coöperatieven").
   */
  name: Words;
  /** The actielijn the cycle is about (subject.ts): its trekker's reports become its current state. */
  subject?: { actielijnId: string; name: string };
  assignments: Partial<Record<Role, Assignment>>;
  plan: CyclePlan;
  facts: Record<string, PhaseFacts>;
  status: CycleStatus;
  createdAt: string;
  createdBy: string;
  /** `flowsStoppedAt`: its workflow stopped the rounds and action items its phases had running. */
  cancelled?: { by: string; at: string; reason: string; flowsStoppedAt?: string };
  version: number;
  /** The hash of the request that made it under an Idempotency-Key (platform/keyed-create.ts). */
  requestHash?: string;
}

/** A cycle the office may still change or cancel. */
export const isOpen = (c: Cycle) => c.status === 'planned' || c.status === 'running';
