/** The mail sweeper's wake in the stack: group, scheduler role, dead-letter queue, alarm, least-privilege grants. */
import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/wiring';
import { templateQueries } from './template-queries';

/** Registered by stack.test.ts on its synthesized stack (one synthesis with cdk-nag takes about 35 s). */
export function mailSweepScheduleCases(synthesized: () => { stack: Stack; template: Template }): void {
  const stack = () => synthesized().stack;
  const template = () => synthesized().template;
  const { resources, statementsOfRole } = templateQueries(template);
  const mailRole = () =>
    resources('AWS::IAM::Role').find(([id]) => id.startsWith('MailSweepSchedulerRole')) as [string, any];

  describe("the mail sweeper's wake in the cloud", () => {
    it('has a schedule group, a dead-letter queue with an alarm, and cdk-nag stays clean', () => {
      template().hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'Test-mail' });
      const [queueId] = resources('AWS::SQS::Queue').find(([id]) => id.startsWith('MailSweepDeadLetters'))!;
      const watched = resources('AWS::CloudWatch::Alarm').filter(
        ([, a]) =>
          a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          JSON.stringify(a.Properties.Dimensions).includes(`"${queueId}"`),
      );
      expect(watched).toHaveLength(1);
      expect(Annotations.fromStack(stack()).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
      expect(Annotations.fromStack(stack()).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    });

    it('gives the scheduler a role of its own that may only invoke the sweeper and fill its dead-letter queue', () => {
      const [roleId, role] = mailRole();
      expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('scheduler.amazonaws.com');
      expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('aws:SourceAccount');
      const statements = statementsOfRole(roleId);
      const invoke = statements.filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
      expect(invoke).toHaveLength(1);
      expect(JSON.stringify(invoke[0].Resource)).toMatch(/mailSweeper/);
      expect(JSON.stringify(invoke[0].Resource)).not.toMatch(/reminderDigest/);
      const actions = statements.flatMap((s) => [s.Action].flat());
      expect(actions.every((a: string) => a === 'lambda:InvokeFunction' || a.startsWith('sqs:'))).toBe(true);
    });

    it('lets exactly the functions that send email create and move the one schedule, and pass only that role', () => {
      const [roleId] = mailRole();
      const senders = Object.entries(functions).filter(([, f]) => f.access.sendEmail);
      expect(senders.map(([n]) => n)).toContain('mailSweeper');
      let checked = 0;
      for (const [id, fn] of resources('AWS::Lambda::Function')) {
        if (!fn.Properties.Role?.['Fn::GetAtt']) continue;
        const name = Object.keys(functions).find((n) => id.startsWith(n));
        if (!name) continue;
        const statements = statementsOfRole(fn.Properties.Role['Fn::GetAtt'][0]);
        const waking = statements.filter((s) => JSON.stringify(s.Resource).includes(':schedule/Test-mail/'));
        const passing = statements.filter(
          (s) => [s.Action].flat().includes('iam:PassRole') && JSON.stringify(s.Resource).includes(roleId),
        );
        const variables = Object.keys(fn.Properties.Environment.Variables);
        if (!functions[name as keyof typeof functions].access.sendEmail) {
          expect(waking, name).toEqual([]);
          expect(passing, name).toEqual([]);
          expect(variables, name).not.toContain('MAIL_SWEEP_SCHEDULE_GROUP');
          continue;
        }
        checked++;
        expect(waking, name).toHaveLength(1);
        expect([waking[0].Action].flat().sort(), name).toEqual([
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
        ]);
        // The one schedule by its name, no wildcard.
        expect(JSON.stringify(waking[0].Resource), name).toMatch(/:schedule\/Test-mail\/mail-sweep"/);
        expect(passing, name).toHaveLength(1);
        expect(variables, name).toEqual(
          expect.arrayContaining(['MAIL_SWEEP_SCHEDULE_GROUP', 'MAIL_SWEEP_SCHEDULER_ROLE_ARN', 'MAIL_SWEEP_DLQ_ARN']),
        );
        // The sweeper reads its own ARN from its invocation (a variable would make it depend on itself).
        if (name !== 'mailSweeper') expect(variables, name).toContain('MAIL_SWEEPER_ARN');
      }
      expect(checked).toBe(senders.length);
    });
  });
}
