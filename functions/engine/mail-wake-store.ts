/**
 * The mail sweeper's wake (mail-wake.ts) in DynamoDB and EventBridge Scheduler:
 * - the planned wake: one item MAIL_WAKE/MAIL_WAKE with `wakeAt`, read consistently, and planned by
 *   UpdateItem SET wakeAt if attribute_not_exists(wakeAt) OR wakeAt > :at OR wakeAt < :before
 * - the wake itself: one one-time schedule `mail-sweep` in the mail schedule group, `at(...)` in UTC,
 *   no flexible window, deleted by the service once it has fired, its target the sweeper with
 *   `{"wake":"mail-sweep"}`; moved by UpdateSchedule, created when it is not there.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients';
import { now } from '../platform/clock';
import { config } from '../platform/config';
import { writeIf } from '../platform/table';
import { MailWake, SWEEP_SCHEDULE_NAME, type SweepScheduler, type WakeStore } from './mail-wake';
import { type OneTimeScheduleConfig, oneTimeSchedule, putOneTimeSchedule } from './reminder-schedule-store';

export const WAKE_KEY = { pk: 'MAIL_WAKE', sk: 'MAIL_WAKE' } as const;

export class DynamoWakeStore implements WakeStore {
  constructor(private readonly table: string) {}

  async read(): Promise<string | undefined> {
    const res = await dynamo.send(new GetCommand({ TableName: this.table, Key: WAKE_KEY, ConsistentRead: true }));
    return typeof res.Item?.wakeAt === 'string' ? res.Item.wakeAt : undefined;
  }

  plan(at: string, before: string): Promise<boolean> {
    return writeIf(
      dynamo.send(
        new UpdateCommand({
          TableName: this.table,
          Key: WAKE_KEY,
          UpdateExpression: 'SET wakeAt = :at',
          ConditionExpression: 'attribute_not_exists(wakeAt) OR wakeAt > :at OR wakeAt < :before',
          ExpressionAttributeValues: { ':at': at, ':before': before },
        }),
      ),
    );
  }
}

export class EventBridgeSweepScheduler implements SweepScheduler {
  constructor(private readonly config: OneTimeScheduleConfig) {}

  plan(at: string): Promise<void> {
    return putOneTimeSchedule(oneTimeSchedule(this.config, SWEEP_SCHEDULE_NAME, at, { wake: SWEEP_SCHEDULE_NAME }));
  }
}

const wakes = new Map<string, MailWake | null>();

/**
 * The function's one wake for the outbox in `table`, shared by all its stores (so a fan-out reads the
 * planned wake once); null in a function not told of the sweep schedule (the wiring's `sendEmail`).
 */
export function sharedMailWake(table: string): MailWake | null {
  let wake = wakes.get(table);
  if (wake === undefined) {
    const schedule = config().mailSweep;
    wake = schedule
      ? new MailWake({ store: new DynamoWakeStore(table), scheduler: new EventBridgeSweepScheduler(schedule), now })
      : null;
    wakes.set(table, wake);
  }
  return wake;
}
