/**
 * The reminder schedules in the cloud: one EventBridge Scheduler group for each person's one-time
 * `at(...)` schedule, the role the scheduler assumes (it may only invoke the digest function and
 * put what failed in the dead-letter queue), that queue with an alarm, and for every function that
 * plans reminders (the wiring's `scheduleReminders`) the variables and the narrowest grants.
 */
import type { Stack } from 'aws-cdk-lib';
import type { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { AllianceFunction } from './alliance-function';
import { oneTimeScheduleKind } from './one-time-schedules';
import { type FunctionName, functions } from './wiring';

export function addReminderSchedules(stack: Stack, fns: Record<FunctionName, AllianceFunction>, notify: SnsAction) {
  const digest = fns.reminderDigest;
  // A schedule whose invocation failed after its retries: someone's reminders wait for the daily sweep.
  const { group, deadLetters, role } = oneTimeScheduleKind(
    stack,
    {
      ids: {
        group: 'ReminderSchedules',
        deadLetters: 'ReminderScheduleDeadLetters',
        role: 'ReminderSchedulerRole',
        alarm: 'ReminderSchedule',
      },
      groupSuffix: 'reminders',
      target: digest,
      roleDescription: 'Assumed by EventBridge Scheduler to invoke the reminder digest',
    },
    notify,
  );

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
