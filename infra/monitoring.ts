/**
 * Alarms, all sent to the programme office by email (confirm the subscription once after
 * deploying): a workflow that failed after its retries, timed out or was aborted, and a resume
 * refused as an invalid token.
 */
import { Duration, type Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, type LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { AllianceFunction } from './alliance-function';

export function createAlarmAction(stack: Stack, officeEmail: string): SnsAction {
  const alarmsKey = new Key(stack, 'AlarmsKey', {
    enableKeyRotation: true,
    description: 'Encrypts alarm notifications',
  });
  // CloudWatch publishes the alarms to the encrypted topic, so it must be able to use the key.
  alarmsKey.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));
  const alarms = new Topic(stack, 'Alarms', { masterKey: alarmsKey, enforceSSL: true });
  alarms.addSubscription(new EmailSubscription(officeEmail));
  return new SnsAction(alarms);
}

/**
 * One execution that failed, timed out (AWS's one-year limit, which no Catch sees) or was stopped
 * is enough: each is a round, item or meeting the office must look at (the watchdogs carry them on).
 */
export function alarmOnFailures(stack: Stack, name: string, machine: StateMachine, notify: SnsAction): void {
  const period = { period: Duration.minutes(5) };
  const ends = [
    ['Failures', machine.metricFailed(period), 'failed after its retries'],
    ['TimedOut', machine.metricTimedOut(period), 'timed out'],
    ['Aborted', machine.metricAborted(period), 'was stopped (aborted)'],
  ] as const;
  for (const [id, metric, what] of ends) {
    new Alarm(stack, `${name}${id}`, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `A ${name} workflow ${what}`,
    }).addAlarmAction(notify);
  }
}

/** "ALARM invalid task token" is logged when a resume is refused as invalid: never expected. */
export function alarmOnInvalidTokens(stack: Stack, fns: AllianceFunction[], notify: SnsAction): void {
  for (const fn of fns) {
    const filter = new MetricFilter(stack, `${fn.node.id}InvalidTokenFilter`, {
      logGroup: fn.logGroup as LogGroup,
      filterPattern: FilterPattern.literal('"ALARM invalid task token"'),
      metricNamespace: 'AllianceCycle',
      metricName: `InvalidTaskToken-${fn.node.id}`,
      metricValue: '1',
    });
    new Alarm(stack, `${fn.node.id}InvalidTokenAlarm`, {
      metric: filter.metric(),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `${fn.node.id} was refused a workflow resume as an invalid task token`,
    }).addAlarmAction(notify);
  }
}

/** A message in a dead-letter queue is an email or a step that gave up: one is enough to tell the office. */
export function alarmOnDeadLetters(stack: Stack, id: string, queue: IQueue, notify: SnsAction): void {
  new Alarm(stack, `${id}DeadLetterAlarm`, {
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: `The dead-letter queue ${id} holds a message that could not be delivered`,
  }).addAlarmAction(notify);
}

/** "ALARM email dead" is logged by the mail sweeper when an email failed every try (about a day). */
export function alarmOnDeadMail(stack: Stack, sweeper: AllianceFunction, notify: SnsAction): void {
  const filter = new MetricFilter(stack, 'DeadMailFilter', {
    logGroup: sweeper.logGroup as LogGroup,
    filterPattern: FilterPattern.literal('"ALARM email dead"'),
    metricNamespace: 'AllianceCycle',
    metricName: 'DeadMail',
    metricValue: '1',
  });
  new Alarm(stack, 'DeadMailAlarm', {
    metric: filter.metric(),
    threshold: 1,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: 'An email stayed unsent after every try of the mail outbox',
  }).addAlarmAction(notify);
}
