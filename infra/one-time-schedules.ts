/**
 * What every kind of one-time schedule needs in the cloud (the reminders', the mail sweeper's): an
 * EventBridge Scheduler group, the role the scheduler assumes (it may only invoke its one function
 * and put what failed in the dead-letter queue), that queue, and an alarm on it.
 */
import { Duration, type Stack } from 'aws-cdk-lib';
import type { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { AllianceFunction } from './alliance-function';
import { alarmOnDeadLetters } from './monitoring';

export interface ScheduleKind {
  /** Logical ids: the group, the queue, the role and the alarm (kept as they were deployed). */
  ids: { group: string; deadLetters: string; role: string; alarm: string };
  /** The group's name after the stack's: `<stack>-<suffix>`. */
  groupSuffix: string;
  target: AllianceFunction;
  roleDescription: string;
}

export function oneTimeScheduleKind(stack: Stack, kind: ScheduleKind, notify: SnsAction) {
  const group = new CfnScheduleGroup(stack, kind.ids.group, { name: `${stack.stackName}-${kind.groupSuffix}` });
  const deadLetters = new Queue(stack, kind.ids.deadLetters, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const role = new Role(stack, kind.ids.role, {
    description: kind.roleDescription,
    // Only schedules of this account may use it (the confused-deputy guard AWS recommends).
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  });
  role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [kind.target.functionArn] }));
  deadLetters.grantSendMessages(role);
  alarmOnDeadLetters(stack, kind.ids.alarm, deadLetters, notify);
  return { group, deadLetters, role };
}
