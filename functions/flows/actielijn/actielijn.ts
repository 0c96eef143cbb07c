/**
 * An actielijn of the implementation programme, in the format of its appendix 2 (seed 003): what it
 * is for, who pulls it (the trekker, an organisation), who to ask, who takes part, how residents own
 * it, the result, how it is monitored, its risks and planning, and its current state ("huidige stand
 * van zaken"), which "must keep being updated": every update stays in its history, newest last.
 * Plain values and rules; the store keeps it whole as one versioned document (store.ts).
 */

export const ACTIELIJN_STATUSES = ['active', 'ended'] as const;
export type ActielijnStatus = (typeof ACTIELIJN_STATUSES)[number];

/** One update of the current state: when, what, and who or which update gave it. */
export interface StateUpdate {
  at: string;
  text: string;
  /** The office user, or `cycle:<id>` for the trekker's progress update through a monitoring cycle. */
  by: string;
  /** Where it came from: the cycle's phase and its action item, so the same update is recorded once. */
  source?: { cycleId: string; phase: string; actionItemId: string };
}

/** The fields of the format the office writes (all texts Dutch, in plain language). */
export interface ActielijnFields {
  /** Actielijn/doel. */
  name: string;
  /** The opgave it belongs to ("Wonen en leefomgeving"). */
  opgave?: string;
  /** Opbrengst middellange termijn; opdracht lange termijn. */
  mediumTerm?: string;
  longTerm?: string;
  /** Trekker(s): partner organisations from the directory; the public page shows them by name. */
  trekkerOrganisationIds: string[];
  /** Contactpersoon: a person from the directory (never shown publicly). */
  contactPersonId?: string;
  /** Betrokken partijen, as named (not every party is in the directory: "bewoners van de buurt"). */
  parties: string[];
  /** Eigenaarschap bewoners; werkwijze; wat lossen we op? */
  residentOwnership?: string;
  approach?: string;
  problem?: string;
  /** Resultaat: het op te leveren resultaat; fundamenteel leren; monitoring en rapportering. */
  result: string;
  learning?: string;
  monitoring?: string;
  /** Voorwaarden en risico's; planning en acties. */
  risks?: string;
  planning?: string;
}

export interface Actielijn extends ActielijnFields {
  id: string;
  status: ActielijnStatus;
  /** Huidige stand van zaken: every update in date order, oldest first; the last is the current state. */
  stateHistory: StateUpdate[];
  /**
   * Every cycle report ever taken (`<cycleId>/<phase>`), kept when the history drops its oldest: a
   * report handed over again at a later wake is not taken a second time.
   */
  reported?: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  /** Made under an Idempotency-Key: the hash of the request that made it (platform/keyed-create.ts). */
  requestHash?: string;
}

/** The current state: the latest update, or none yet. */
export const currentState = (a: Pick<Actielijn, 'stateHistory'>): StateUpdate | undefined => a.stateHistory.at(-1);

/** The updates kept in the one document: 4 a year for fifty years. */
export const MAX_STATE_UPDATES = 200;
/**
 * And at most this many bytes of them (UTF-8, as stored): with the format's fields at their longest
 * (about 170 KB) the item stays below DynamoDB's 400 KB, whatever script the texts are written in.
 */
export const MAX_STATE_BYTES = 120_000;

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

/**
 * The actielijn with one more state update, or null when that update is on record already (the
 * same cycle's phase again: a retried step records once). The oldest go first past the limits.
 */
export function withState(a: Actielijn, update: StateUpdate): Actielijn | null {
  const src = update.source && `${update.source.cycleId}/${update.source.phase}`;
  if (src && isReported(a, src)) return null;
  // In date order: a report seen a day after it was written does not cover a newer state.
  const stateHistory = [...a.stateHistory, update]
    .sort((x, y) => Date.parse(x.at) - Date.parse(y.at))
    .slice(-MAX_STATE_UPDATES);
  while (stateHistory.length > 1 && bytes(stateHistory) > MAX_STATE_BYTES) stateHistory.shift();
  const reported = src ? [...(a.reported ?? []), src] : a.reported;
  return {
    ...a,
    stateHistory,
    ...(reported ? { reported } : {}),
    updatedAt: update.at,
    version: a.version + 1,
  };
}

/** Whether a cycle's report (`<cycleId>/<phase>`) was taken before, also one the history dropped since. */
export const isReported = (a: Pick<Actielijn, 'stateHistory' | 'reported'>, source: string) =>
  (a.reported ?? []).includes(source) ||
  a.stateHistory.some((u) => u.source && `${u.source.cycleId}/${u.source.phase}` === source);
