/** The flows' watchdogs in the stack: a daily rule for each, and only the Step Functions actions they use. */
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';

/** Registered by stack.test.ts on its synthesized stack (one cdk-nag synthesis for all cases). */
export function watchdogCases(synthesized: () => { template: Template }): void {
  const resources = (type: string) => Object.entries(synthesized().template.findResources(type)) as [string, any][];
  const logicalId = (prefix: string) => resources('AWS::Lambda::Function').find(([id]) => id.startsWith(prefix))![0];
  const statementsOf = (fnPrefix: string) => {
    const fn = resources('AWS::Lambda::Function').find(([id]) => id.startsWith(fnPrefix))!;
    const role = fn[1].Properties.Role['Fn::GetAtt'][0];
    return resources('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === role))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
  };
  const machineOf = (statement: any) => JSON.stringify(statement.Resource);

  describe('flow watchdogs in the cloud', () => {
    for (const [fn, machine] of [
      ['followUpWatchdog', 'followUp'],
      ['inputRoundWatchdog', 'inputRound'],
      ['meetingWatchdog', 'meeting'],
      ['cycleWatchdog', 'cycle'],
    ]) {
      it(`${fn} runs daily at midnight UTC and may list, start and resume only its own workflow`, () => {
        const daily = resources('AWS::Events::Rule').filter(([, r]) =>
          r.Properties.Targets.some((t: any) => JSON.stringify(t.Arn).includes(logicalId(fn))),
        );
        expect(daily.map(([, r]) => r.Properties.ScheduleExpression)).toEqual(['cron(0 0 * * ? *)']);
        const states = statementsOf(fn).filter((s) => [s.Action].flat().some((a: string) => a.startsWith('states:')));
        const actions = states.flatMap((s) => [s.Action].flat()).sort();
        expect(actions).toEqual(
          [
            'states:ListExecutions',
            'states:SendTaskFailure',
            'states:SendTaskHeartbeat',
            'states:SendTaskSuccess',
            'states:StartExecution',
          ].sort(),
        );
        for (const s of states) {
          expect(machineOf(s)).toContain(`-${machine}`);
          expect(machineOf(s)).not.toContain('*');
        }
      });
    }
  });
}
