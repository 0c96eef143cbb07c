/**
 * What the round services need from the outside world. The DynamoDB, SES and Step Functions
 * adapters implement these; tests can too. No AWS types cross this line.
 */
import type { Body, Organisation, Person } from './directory';
import type { LinkKeys } from '../platform/link-token';
import type { EmailContent } from './email';

export interface AuditEntry {
  /** Deterministic per event, so a retried step writes the same record once. */
  key: string;
  at: string;
  kind: string;
  actor: string;
  details?: Record<string, unknown>;
}

export type SaveResult = { ok: true; takenToken?: string } | { ok: false };

/** A flow's document (a round, an action item), kept whole and changed only by versioned writes. */
export interface VersionedDocs<T, S extends string> {
  /** Fails with ConflictError if the id is taken. */
  create(doc: T): Promise<void>;
  get(id: string): Promise<T | null>;
  list(status?: S): Promise<T[]>;
  /**
   * Replace the document if its stored version is still `expectedVersion`. With takeToken the
   * stored workflow token is removed in the same write and returned: only that writer resumes.
   */
  save(next: T, expectedVersion: number, options?: { takeToken?: boolean }): Promise<SaveResult>;
  /** Store the workflow's task token if the document waits and is unchanged since `expectedVersion`. */
  park(id: string, taskToken: string, expectedVersion: number, wakeAt: string): Promise<boolean>;
  /** When the parked workflow means to wake; null when none is parked. */
  parkedUntil(id: string): Promise<string | null>;
  appendAudit(id: string, entry: AuditEntry): Promise<void>;
  listAudit(id: string): Promise<AuditEntry[]>;
  /** Where its emails' outbox records are written (see engine/mail-outbox.ts). */
  readonly mail: import('./mail-outbox').MailOutbox;
  mailKeys(id: string, key: string): import('./mail-outbox').MailKeys;
  /** Claim the right to queue one reminder; false when it was claimed before. */
  claimMail(id: string, key: string): Promise<boolean>;
  /** Whether that reminder was claimed (queued) before. */
  hasMailClaim(id: string, key: string): Promise<boolean>;
}

export interface Directory {
  getPerson(id: string): Promise<Person | null>;
  getPeople(ids: string[]): Promise<Person[]>;
  listPeople(): Promise<Person[]>;
  getBody(id: string): Promise<Body | null>;
  listBodies(): Promise<Body[]>;
  listOrganisations(): Promise<Organisation[]>;
}

export interface OutgoingEmail extends EmailContent {
  to: string;
  /** What the message is, for the delivery events: invite, reminder, receipt, outcome, notice. */
  tag: string;
  /** Reminders: the person's settings page, sent as List-Unsubscribe with one-click (RFC 8058). */
  listUnsubscribe?: string;
  /**
   * Sent without the configuration set, so no delivery events: the office's notice of a bounce, whose
   * own bounce must not start another. On the record, so a retry by the sweeper goes the same way.
   */
  untracked?: boolean;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

export interface WorkflowGateway {
  startRound(roundId: string): Promise<void>;
  /** Resume a waiting workflow. Never throws for a token that is no longer waiting. */
  resume(taskToken: string, output: Record<string, unknown>): Promise<boolean | void>;
}

export interface Settings {
  publicBaseUrl: string;
  officeEmail: string;
  /** How long after the deadline a decision link still opens the (outcome) page. */
  linkGraceSeconds: number;
}

import type { Log } from '../platform/log';

export type { Log };

/** Which flow a queued reminder belongs to; each kind knows how to check and word it at sending time. */
export type ReminderKind = 'round' | 'follow-up' | 'escalation' | 'input' | 'meeting';

/** A reminder a flow hands to the person's budget instead of sending it at once. */
export interface QueuedReminder {
  /** Unique per flow, moment and person: `<kind>:<flowId>:<key>`. */
  id: string;
  personId: string;
  kind: ReminderKind;
  flowId: string;
  /** What the flow needs to word the reminder again, e.g. the follow-up's action. */
  detail?: Record<string, string>;
  dueAt: string;
  deadline: string;
}

/** The flows' side of the outbox: queue a reminder for a person; the digest sends it. */
export interface ReminderQueue {
  queue(reminder: Omit<QueuedReminder, 'id'> & { key: string }): Promise<void>;
  /** Plan the person's next message again and set their schedule to it (nothing is queued or sent). */
  replan(personId: string): Promise<void>;
}

export interface OutboxState {
  version: number;
  lastSentAt?: string;
  /** The planned moment of the next message; absent when nothing waits. */
  sendAt?: string;
  /** The reminders the last message carried: recorded in the mail outbox, or about to be. */
  lastBatch: string[];
  /** The version that claimed the last message: its mail record is `reminder:<personId>:<lastClaim>`. */
  lastClaim?: number;
}

export interface OutboxStore {
  add(entry: QueuedReminder): Promise<void>;
  read(personId: string): Promise<{ state: OutboxState; entries: QueuedReminder[] }>;
  /** Conditional on the version (0: the state does not exist yet); false when someone wrote first. */
  saveState(personId: string, next: OutboxState, expectedVersion: number): Promise<boolean>;
  remove(personId: string, entryIds: string[]): Promise<void>;
  /** The people whose next message is planned at or before `at`. */
  dueBy(at: string): Promise<string[]>;
}

/**
 * A one-time wake-up at each person's planned moment, so the digest runs only when someone is due.
 * Both calls are idempotent and leave exactly one schedule per person (or none).
 */
export interface ReminderScheduler {
  /** Create the person's schedule, or move it, to fire at `at` (ISO date-time). */
  plan(personId: string, at: string): Promise<void>;
  /** Remove the person's schedule; nothing happens when there is none. */
  clear(personId: string): Promise<void>;
}

/** What every flow's use cases get besides their own store. */
export interface FlowDeps {
  directory: Directory;
  mailer: Mailer;
  /** Reminders go through each person's budget; invitations, receipts and outcomes do not. */
  reminders: ReminderQueue;
  linkKeys: () => Promise<LinkKeys>;
  settings: Settings;
  now: () => Date;
  log: Log;
}
