/**
 * The shared half of every function's composition root: the directory, the mailer, the reminder
 * outbox, the workflow gateway and the link keys, made once per cold start and only when first
 * used. Each flow's own `deps.ts` adds its store to these.
 */
import { now } from '../platform/clock';
import { config } from '../platform/config';
import { linkKeyLoader } from '../platform/link-keys';
import { log } from '../platform/logger';
import type { Body, Organisation, Person } from './directory';
import { DynamoDirectory, type Kind } from './directory-store';
import { type ListRequest, pageOfDirectory } from './doc-pages';
import { DynamoOutboxStore } from './outbox-store';
import { EventBridgeReminderScheduler } from './reminder-schedule-store';
import type { FlowDeps } from './ports';
import type { PreferenceDeps } from './preferences';
import { type OutboxDeps, reminderQueue, replanPerson } from './reminder-outbox';
import { SesMailer } from './ses-mailer';
import { SfnGateway } from './sfn-gateway';

let directory: DynamoDirectory | undefined;
let outbox: OutboxDeps | undefined;
let shared: FlowDeps | undefined;
let sfnGateway: SfnGateway | undefined;

/** Each person's reminder outbox; the flows queue into it, the digest tick sends from it. */
export function outboxDeps(): OutboxDeps {
  if (!outbox) {
    const c = config();
    outbox = {
      outbox: new DynamoOutboxStore(c.tableName),
      directory: directoryStore(),
      linkKeys: linkKeyLoader({ secretArn: c.linkKeysSecretArn, file: c.linkKeysFile }),
      settings: { publicBaseUrl: c.publicBaseUrl, officeEmail: c.officeEmail, linkGraceSeconds: c.linkGraceSeconds },
      now,
      log,
      scheduler: c.reminderSchedules && new EventBridgeReminderScheduler(c.reminderSchedules),
    };
  }
  return outbox;
}

/** One page of people, groups or partners (engine/doc-pages.ts). */
export const pageDirectory = <T extends Person | Body | Organisation>(kind: Kind, req: Omit<ListRequest, 'statuses'>) =>
  pageOfDirectory<T>(config().tableName, kind, req);

let keys: ReturnType<typeof linkKeyLoader> | undefined;

/**
 * The link keys alone (the loader caches them), for the lists' cursors: a function that pages a list
 * need not carry the outbox and the mailer in its bundle.
 */
export function linkKeys() {
  const c = config();
  keys ??= linkKeyLoader({ secretArn: c.linkKeysSecretArn, file: c.linkKeysFile });
  return keys();
}

/** What every flow's use cases share. */
export function flowDeps(): FlowDeps {
  if (!shared) {
    const c = config();
    const o = outboxDeps();
    shared = {
      directory: o.directory,
      mailer: new SesMailer(c.mailFrom, c.configurationSet),
      reminders: reminderQueue(o),
      linkKeys: o.linkKeys,
      settings: o.settings,
      now,
      log,
    };
  }
  return shared;
}

/** One Step Functions gateway for every flow. */
export function workflowGateway(): SfnGateway {
  const c = config();
  sfnGateway ??= new SfnGateway(
    c.approvalStateMachineArn,
    log,
    c.followUpStateMachineArn,
    c.inputRoundStateMachineArn,
    c.meetingStateMachineArn,
    c.cycleStateMachineArn,
  );
  return sfnGateway;
}

/** A person's own settings page. */
export function preferenceDeps(): PreferenceDeps {
  const o = outboxDeps();
  const publicBodies = async () =>
    (await directoryStore().listBodies()).filter((b) => b.active !== false && b.kind !== 'theme-group');
  return {
    people: directoryStore(),
    publicBodies,
    linkKeys: o.linkKeys,
    settings: o.settings,
    now,
    replan: replanReminders,
  };
}

/**
 * After a person's reminder rhythm changed: plan their next message again. A failure is logged,
 * not shown: the settings are saved, and the next reminder queued for them plans again.
 */
export async function replanReminders(personId: string): Promise<void> {
  try {
    await replanPerson(outboxDeps(), personId);
  } catch (err) {
    log.error('could not plan reminders again after a change of settings', { personId, error: (err as Error).name });
  }
}

export function directoryStore(): DynamoDirectory {
  directory ??= new DynamoDirectory(config().tableName);
  return directory;
}
