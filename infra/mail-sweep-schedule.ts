/**
 * The mail sweeper's wake in the cloud (functions/engine/mail-wake.ts): one EventBridge Scheduler
 * group holding the one one-time schedule `mail-sweep`, the role the scheduler assumes (it may only
 * invoke the sweeper and put what failed in the dead-letter queue), that queue with an alarm, and for
 * every function that sends email (it records to the outbox, so it may have to wake the sweeper) the
 * variables and the narrowest grants: create and update that one schedule, pass that one role.
 */
import type { Stack } from 'aws-cdk-lib';
import type { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SWEEP_SCHEDULE_NAME } from '../functions/engine/mail-wake';
import type { AllianceFunction } from './alliance-function';
import { oneTimeScheduleKind } from './one-time-schedules';
import { type FunctionName, functions } from './wiring';

export function addMailSweepSchedule(stack: Stack, fns: Record<FunctionName, AllianceFunction>, notify: SnsAction) {
  const sweeper = fns.mailSweeper;
  // A wake whose invocation failed after its retries: pending email waits for the daily safety sweep.
  const { group, deadLetters, role } = oneTimeScheduleKind(
    stack,
    {
      ids: {
        group: 'MailSweepSchedules',
        deadLetters: 'MailSweepDeadLetters',
        role: 'MailSweepSchedulerRole',
        alarm: 'MailSweep',
      },
      groupSuffix: 'mail',
      target: sweeper,
      roleDescription: 'Assumed by EventBridge Scheduler to invoke the mail sweeper',
    },
    notify,
  );

  const scheduleArn = stack.formatArn({
    service: 'scheduler',
    resource: 'schedule',
    resourceName: `${group.name}/${SWEEP_SCHEDULE_NAME}`,
  });
  for (const [name, spec] of Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]) {
    if (!spec.access.sendEmail) continue;
    const fn = fns[name];
    fn.addEnvironment('MAIL_SWEEP_SCHEDULE_GROUP', group.name!);
    // Its own ARN would make the sweeper depend on itself: it reads it from its invocation context.
    if (fn !== sweeper) fn.addEnvironment('MAIL_SWEEPER_ARN', sweeper.functionArn);
    fn.addEnvironment('MAIL_SWEEP_SCHEDULER_ROLE_ARN', role.roleArn);
    fn.addEnvironment('MAIL_SWEEP_DLQ_ARN', deadLetters.queueArn);
    // The schedule is never deleted by us: the service deletes it once it fired (ActionAfterCompletion).
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule'],
        resources: [scheduleArn],
      }),
    );
    fn.addToRolePolicy(new PolicyStatement({ actions: ['iam:PassRole'], resources: [role.roleArn] }));
  }
  return { group, role, deadLetters };
}
