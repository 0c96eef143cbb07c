/**
 * The mail sweeper's wake in the cloud (functions/engine/mail-wake.ts): one EventBridge Scheduler
 * group holding the one one-time schedule `mail-sweep`, the role the scheduler assumes (it may only
 * invoke the sweeper and put what failed in the dead-letter queue), that queue with an alarm, and for
 * every function that sends email (it records to the outbox, so it may have to wake the sweeper) the
 * variables and the narrowest grants: create and update that one schedule, pass that one role.
 */
import { Duration, type Stack } from 'aws-cdk-lib';
import type { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { SWEEP_SCHEDULE_NAME } from '../functions/engine/mail-wake';
import type { AllianceFunction } from './alliance-function';
import { alarmOnDeadLetters } from './monitoring';
import { type FunctionName, functions } from './wiring';

export function addMailSweepSchedule(stack: Stack, fns: Record<FunctionName, AllianceFunction>, notify: SnsAction) {
  const group = new CfnScheduleGroup(stack, 'MailSweepSchedules', { name: `${stack.stackName}-mail` });
  const deadLetters = new Queue(stack, 'MailSweepDeadLetters', {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const sweeper = fns.mailSweeper;
  const role = new Role(stack, 'MailSweepSchedulerRole', {
    description: 'Assumed by EventBridge Scheduler to invoke the mail sweeper',
    // Only schedules of this account may use it (the confused-deputy guard AWS recommends).
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
  });
  role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [sweeper.functionArn] }));
  deadLetters.grantSendMessages(role);

  // A wake whose invocation failed after its retries: pending email waits for the daily safety sweep.
  alarmOnDeadLetters(stack, 'MailSweep', deadLetters, notify);

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
