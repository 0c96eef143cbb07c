/** Wires the round services to the AWS adapters, once per cold start. */
import { DynamoDirectory } from '../adapters/directory-store';
import { DynamoInputRoundStore } from '../adapters/input-round-store';
import { DynamoItemStore } from '../adapters/item-store';
import type { InputRoundDeps } from '../services/input-rounds';
import type { FollowUpDeps } from '../services/follow-ups';
import { linkKeyLoader } from '../adapters/link-keys';
import { DynamoRoundStore } from '../adapters/round-store';
import { SesMailer } from '../adapters/ses-mailer';
import { SfnGateway } from '../adapters/sfn-gateway';
import type { RoundDeps } from '../services/ports';
import { DynamoOutboxStore } from '../adapters/outbox-store';
import type { PreferenceDeps } from '../services/preferences';
import { reminderQueue, replanPerson, type OutboxDeps } from '../services/reminder-outbox';
import { now } from './clock';
import { config } from './config';
import { log } from './logger';

let deps: RoundDeps | undefined;
let directory: DynamoDirectory | undefined;
let outbox: OutboxDeps | undefined;

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
    };
  }
  return outbox;
}

export function roundDeps(): RoundDeps {
  if (!deps) {
    const c = config();
    const o = outboxDeps();
    deps = {
      rounds: new DynamoRoundStore(c.tableName),
      directory: o.directory,
      mailer: new SesMailer(c.mailFrom, c.configurationSet),
      reminders: reminderQueue(o),
      workflow: gateway(),
      linkKeys: o.linkKeys,
      settings: o.settings,
      now,
      log,
    };
  }
  return deps!;
}

/** One Step Functions gateway for every flow. */
export function workflowGateway(): SfnGateway {
  return gateway();
}

function gateway(): SfnGateway {
  const c = config();
  sfnGateway ??= new SfnGateway(
    c.approvalStateMachineArn,
    log,
    c.followUpStateMachineArn,
    c.inputRoundStateMachineArn,
    c.meetingStateMachineArn,
  );
  return sfnGateway;
}

let sfnGateway: SfnGateway | undefined;
let followUps: FollowUpDeps | undefined;

export function followUpDeps(): FollowUpDeps {
  if (!followUps) {
    const r = roundDeps();
    followUps = {
      items: new DynamoItemStore(config().tableName),
      directory: r.directory,
      mailer: r.mailer,
      reminders: r.reminders,
      workflow: gateway(),
      linkKeys: r.linkKeys,
      settings: r.settings,
      now,
      log,
    };
  }
  return followUps;
}

let inputs: InputRoundDeps | undefined;

export function inputRoundDeps(): InputRoundDeps {
  if (!inputs) {
    const f = followUpDeps();
    inputs = {
      inputs: new DynamoInputRoundStore(config().tableName),
      directory: f.directory,
      mailer: f.mailer,
      reminders: f.reminders,
      workflow: gateway(),
      linkKeys: f.linkKeys,
      settings: f.settings,
      now,
      log,
      followUps: f,
    };
  }
  return inputs;
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
