/** The reminder schedules in the stack: group, scheduler role, dead-letter queue, alarm, least-privilege grants. */
import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/wiring';
import { templateQueries } from './template-queries';

/**
 * Registered by stack.test.ts on its synthesized stack: one synthesis with cdk-nag takes about
 * 35 s, and the two files would each make their own.
 */
export function reminderScheduleCases(synthesized: () => { stack: Stack; template: Template }): void {
  const stack = () => synthesized().stack;
  const template = () => synthesized().template;
  const { resources, statementsOfRole } = templateQueries(template);

  describe('reminder schedules in the cloud', () => {
    it('has a schedule group, a dead-letter queue with an alarm, and cdk-nag stays clean', () => {
      template().hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'Test-reminders' });
      // Two dead-letter queues: the reminder schedules' and the mail sweeper wake's (mail-sweep-schedule.cases.ts).
      expect(resources('AWS::SQS::Queue')).toHaveLength(2);
      template().hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
      });
      expect(Annotations.fromStack(stack()).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    });

    it('reserves the concurrency the wiring declares: the digest its own, no other function any', () => {
      const fns = resources('AWS::Lambda::Function');
      const digest = fns.filter(([id]) => id.startsWith('reminderDigest'));
      expect(digest).toHaveLength(1);
      expect(digest[0][1].Properties.ReservedConcurrentExecutions).toBe(functions.reminderDigest.reservedConcurrency);
      for (const [id, fn] of fns) {
        const name = Object.keys(functions).find((n) => id.startsWith(n)) as keyof typeof functions;
        expect(fn.Properties.ReservedConcurrentExecutions, id).toBe(functions[name].reservedConcurrency);
      }
    });

    it('gives the scheduler a role that may only invoke the digest and fill its dead-letter queue', () => {
      const [roleId] = resources('AWS::IAM::Role').find(([, r]) =>
        JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
      )!;
      const statements = statementsOfRole(roleId);
      const invoke = statements.filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
      expect(invoke).toHaveLength(1);
      expect(JSON.stringify(invoke[0].Resource)).toMatch(/reminderDigest/);
      const actions = statements.flatMap((s) => [s.Action].flat());
      expect(actions.every((a: string) => a === 'lambda:InvokeFunction' || a.startsWith('sqs:'))).toBe(true);
    });

    it('lets exactly the functions that plan reminders manage schedules in the group and pass only that role', () => {
      const planners = Object.entries(functions).filter(([, f]) => f.access.scheduleReminders);
      expect(planners.map(([n]) => n)).toContain('reminderDigest');
      expect(planners.map(([n]) => n)).not.toContain('sesEvents');
      for (const [id, fn] of resources('AWS::Lambda::Function')) {
        if (!fn.Properties.Role?.['Fn::GetAtt']) continue;
        const name = Object.keys(functions).find((n) => id.startsWith(n));
        if (!name) continue;
        const statements = statementsOfRole(fn.Properties.Role['Fn::GetAtt'][0]);
        // The mail sweeper's wake has grants of its own, to every function that sends email.
        const reminderGroup = (s: any) => !/MailSweepSchedulerRole|-mail\/mail-sweep/.test(JSON.stringify(s.Resource));
        const scheduling = statements.filter(
          (s) => [s.Action].flat().some((a: string) => a.startsWith('scheduler:')) && reminderGroup(s),
        );
        const passing = statements.filter((s) => [s.Action].flat().includes('iam:PassRole') && reminderGroup(s));
        if (!functions[name as keyof typeof functions].access.scheduleReminders) {
          expect(scheduling, name).toEqual([]);
          expect(passing, name).toEqual([]);
          continue;
        }
        expect([scheduling[0].Action].flat().sort(), name).toEqual([
          'scheduler:CreateSchedule',
          'scheduler:DeleteSchedule',
          'scheduler:UpdateSchedule',
        ]);
        expect(JSON.stringify(scheduling[0].Resource)).toContain(':schedule/Test-reminders/*');
        expect(JSON.stringify(passing[0].Resource)).toMatch(/ReminderSchedulerRole/);
        expect(Object.keys(fn.Properties.Environment.Variables)).toContain('REMINDER_SCHEDULE_GROUP');
      }
    });
  });
}
