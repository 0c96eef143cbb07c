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

export interface ReminderScheduleConfig {
  group: string;
  /** The digest function's ARN. */
  targetArn: string;
  /** The role EventBridge Scheduler assumes; it may only invoke the digest function. */
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

export class EventBridgeReminderScheduler implements ReminderScheduler {
  constructor(private readonly config: ReminderScheduleConfig) {}

  async plan(personId: string, at: string): Promise<void> {
    await putOneTimeSchedule(this.input(personId, at));
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

  private input(personId: string, at: string): CreateScheduleCommandInput {
    return {
      Name: scheduleName(personId),
      GroupName: this.config.group,
      ScheduleExpression: atExpression(at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: this.config.targetArn,
        RoleArn: this.config.roleArn,
        Input: JSON.stringify({ personId }),
        DeadLetterConfig: { Arn: this.config.deadLetterArn },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
      },
    };
  }
}
