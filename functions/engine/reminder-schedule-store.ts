/**
 * Each person's one-time wake-up in EventBridge Scheduler: one schedule per person in the
 * reminder schedule group, named from the person id, `at(...)` in UTC, no flexible window, deleted
 * by the service once it has fired, its target the digest function with `{ personId }`.
 *
 * | schedule name                                  | expression                 | target input      |
 * |------------------------------------------------|----------------------------|-------------------|
 * | r-<person id, safe characters, ≤40>-<12 hex>   | at(yyyy-mm-ddThh:mm:ss) UTC | {"personId": …}  |
 *
 * Moving is UpdateSchedule (a full replacement); a schedule that is not there (fired and deleted,
 * or never made) is created; a create that loses a race with another writer updates instead.
 */
import { createHash } from 'node:crypto';
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { sdkConfig } from '../platform/clients';
import type { ReminderScheduler } from './ports';

/** Where a kind of one-time schedule lives and what it invokes (the reminders', the mail sweeper's). */
export interface OneTimeScheduleConfig {
  group: string;
  /** The function it invokes. */
  targetArn: string;
  /** The role EventBridge Scheduler assumes; it may only invoke that function. */
  roleArn: string;
  /** Where an invocation that failed after the retries goes (an SQS queue's ARN). */
  deadLetterArn: string;
}

/**
 * Names allow [0-9A-Za-z_.-] and 64 characters; the hash keeps two ids that clean up alike apart,
 * and the readable part lets the office find a person's schedule in the console.
 */
export function scheduleName(personId: string): string {
  const safe = personId.replace(/[^0-9A-Za-z_.-]/g, '_').slice(0, 40);
  return `r-${safe}-${createHash('sha256').update(personId).digest('hex').slice(0, 12)}`;
}

/** `at(...)` takes whole seconds; rounded up, so the schedule never fires before the planned moment. */
export function atExpression(at: string): string {
  const ms = Math.ceil(Date.parse(at) / 1000) * 1000;
  return `at(${new Date(ms).toISOString().slice(0, 19)})`;
}

let client: SchedulerClient | undefined;

/** The one Scheduler client of the function (the mail sweeper's wake uses it too). */
export function schedulerClient(): SchedulerClient {
  client ??= new SchedulerClient(sdkConfig());
  return client;
}

/**
 * Move a one-time schedule, or create it when it is not there (fired and deleted, or never made); a
 * create that loses a race with another writer updates instead. Also the mail sweeper's wake.
 */
export async function putOneTimeSchedule(input: CreateScheduleCommandInput): Promise<void> {
  const scheduler = schedulerClient();
  try {
    await scheduler.send(new UpdateScheduleCommand(input));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    try {
      await scheduler.send(new CreateScheduleCommand(input));
    } catch (again) {
      // Another writer created it in between: ours is the later plan only if it updates too.
      if (!(again instanceof ConflictException)) throw again;
      await scheduler.send(new UpdateScheduleCommand(input));
    }
  }
}

/**
 * A one-time schedule `name` at `at`: UTC, no flexible window, deleted by the service once it has
 * fired, retried within the hour and then dead-lettered; its target gets `input`.
 */
export function oneTimeSchedule(
  config: OneTimeScheduleConfig,
  name: string,
  at: string,
  input: Record<string, string>,
): CreateScheduleCommandInput {
  return {
    Name: name,
    GroupName: config.group,
    ScheduleExpression: atExpression(at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: config.targetArn,
      RoleArn: config.roleArn,
      Input: JSON.stringify(input),
      DeadLetterConfig: { Arn: config.deadLetterArn },
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
    },
  };
}

export class EventBridgeReminderScheduler implements ReminderScheduler {
  constructor(private readonly config: OneTimeScheduleConfig) {}

  async plan(personId: string, at: string): Promise<void> {
    await putOneTimeSchedule(oneTimeSchedule(this.config, scheduleName(personId), at, { personId }));
  }

  async clear(personId: string): Promise<void> {
    try {
      await schedulerClient().send(
        new DeleteScheduleCommand({ Name: scheduleName(personId), GroupName: this.config.group }),
      );
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
  }
}
