/**
 * The reminder schedules in the cloud: one EventBridge Scheduler group for each person's one-time
 * `at(...)` schedule, the role the scheduler assumes (it may only invoke the digest function and
 * put what failed in the dead-letter queue), that queue with an alarm, and for every function that
 * plans reminders (the wiring's `scheduleReminders`) the variables and the narrowest grants.
 */
import { Duration, type Stack } from 'aws-cdk-lib';
import type { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { AllianceFunction } from './alliance-function';
import { alarmOnDeadLetters } from './monitoring';
import { type FunctionName, functions } from './wiring';

export function addReminderSchedules(stack: Stack, fns: Record<FunctionName, AllianceFunction>, notify: SnsAction) {
  const group = new CfnScheduleGroup(stack, 'ReminderSchedules', { name: `${stack.stackName}-reminders` });
  const deadLetters = new Queue(stack, 'ReminderScheduleDeadLetters', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const digest = fns.reminderDigest;
  const role = new Role(stack, 'ReminderSchedulerRole', {
    description: 'Assumed by EventBridge Scheduler to invoke the reminder digest',
    // Only schedules of this account may use it (the confused-deputy guard AWS recommends).
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  });
  role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [digest.functionArn] }));
  deadLetters.grantSendMessages(role);

  // A schedule whose invocation failed after its retries: someone's reminders wait for the daily sweep.
  alarmOnDeadLetters(stack, 'ReminderSchedule', deadLetters, notify);

  const schedulesArn = stack.formatArn({
    service: 'scheduler',
    resource: 'schedule',
    resourceName: `${group.name}/*`,
  });
  for (const [name, spec] of Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]) {
    if (!spec.access.scheduleReminders) continue;
    const fn = fns[name];
    fn.addEnvironment('REMINDER_SCHEDULE_GROUP', group.name!);
    // Its own ARN would make the digest depend on itself: it reads it from its invocation context.
    if (fn !== digest) fn.addEnvironment('REMINDER_DIGEST_ARN', digest.functionArn);
    fn.addEnvironment('REMINDER_SCHEDULER_ROLE_ARN', role.roleArn);
    fn.addEnvironment('REMINDER_SCHEDULE_DLQ_ARN', deadLetters.queueArn);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [schedulesArn],
      }),
    );
    fn.addToRolePolicy(new PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn] }));
  }
  return { group, role, deadLetters };
}
