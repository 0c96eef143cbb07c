/** The cloud stack, checked from its synthesized template: resources, IAM scope, wiring, cdk-nag. */
import { App, Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AllianceStack } from '../../infra/stack';
import { functions, routes, TASK_TIMEOUT_MARGIN_SECONDS } from '../../infra/wiring';
import { mailSweepScheduleCases } from './mail-sweep-schedule.cases';
import { reminderScheduleCases } from './reminder-schedules.cases';
import { watchdogCases } from './watchdog.cases';

let stack: AllianceStack;
let template: Template;
/** The API's routes, their integrations and permissions: a nested stack of their own (infra/api.ts). */
let routesTemplate: Template;

beforeAll(() => {
  // No bundling here: the template is what is checked, and test/infra/bundle-size.test.ts bundles every
  // function with the same options (CDK's own switch, as `cdk ls` uses; the stack is the same otherwise).
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new AllianceStack(app, 'Test', {
    mailFrom: 'noreply@alliantie.example.org',
    officeEmail: 'office@example.org',
    sesIdentity: 'alliantie.example.org',
    signInDomainPrefix: 'alliantie-test',
  });
  Aspects.of(stack).add(new AwsSolutionsChecks());
  app.synth();
  template = Template.fromStack(stack);
  routesTemplate = Template.fromStack(stack.routes);
});

type Res = { Type: string; Properties: any; DeletionPolicy?: string };
const resources = (type: string) => Object.entries(template.findResources(type)) as [string, Res][];

function policyStatementsOf(fnLogicalPrefix: string): any[] {
  const fn = resources('AWS::Lambda::Function').find(([id]) => id.startsWith(fnLogicalPrefix))!;
  const roleRef = fn[1].Properties.Role['Fn::GetAtt'][0];
  return resources('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}
const actionsOf = (statements: any[], effect = 'Allow') =>
  statements.filter((s) => s.Effect === effect).flatMap((s) => [s.Action].flat());

describe('cloud stack', () => {
  it('passes cdk-nag (AwsSolutions) with no unsuppressed errors or warnings', () => {
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });

  it('keeps the table safe: point-in-time recovery, deletion protection, retained', () => {
    const [[, table]] = resources('AWS::DynamoDB::GlobalTable');
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.Replicas[0]).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.Properties.GlobalSecondaryIndexes[0].IndexName).toBe('gsi1');
  });

  it('lets idempotency records expire (TTL) and lets every creating API write and remove them', () => {
    const [[, table]] = resources('AWS::DynamoDB::GlobalTable');
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    for (const fn of [
      'roundsApi',
      'followUpsApi',
      'inputRoundsApi',
      'meetingsApi',
      'cyclesApi',
      'actielijnenApi',
      'consultationsApi',
    ] as const) {
      expect(actionsOf(policyStatementsOf(fn))).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
      );
    }
  });

  it('creates one function per wiring entry, Node 22 ESM bundles with tracing, each with its own role', () => {
    const fns = resources('AWS::Lambda::Function');
    expect(fns).toHaveLength(Object.keys(functions).length);
    for (const [, fn] of fns)
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
      });
    const roles = fns.map(([, fn]) => fn.Properties.Role['Fn::GetAtt'][0]);
    expect(new Set(roles).size).toBe(fns.length);
  });

  it('grants each function only what it needs', () => {
    expect(actionsOf(policyStatementsOf('directoryApi'))).not.toContain('ses:SendEmail');
    expect(actionsOf(policyStatementsOf('directoryApi'))).not.toContain('states:StartExecution');
    expect(actionsOf(policyStatementsOf('sesEvents'))).not.toContain('states:SendTaskSuccess');
    expect(actionsOf(policyStatementsOf('watchdog'))).not.toContain('ses:SendEmail');
    expect(actionsOf(policyStatementsOf('decisionPage'))).not.toContain('states:StartExecution');
    // The cycles API starts and wakes the cycle's own workflow, and sends no mail; its steps
    // function starts the phases' flows, each only on its own state machine.
    for (const action of ['ses:SendEmail', 'scheduler:CreateSchedule'])
      expect(actionsOf(policyStatementsOf('cyclesApi'))).not.toContain(action);
    // The actielijnen API only reads and writes the table: no mail, no workflow.
    for (const action of ['ses:SendEmail', 'states:StartExecution', 'states:SendTaskSuccess'])
      expect(actionsOf(policyStatementsOf('actielijnenApi'))).not.toContain(action);
    // The public consultation form writes answers and its rate counters: no mail, no workflow.
    for (const action of ['ses:SendEmail', 'states:StartExecution', 'scheduler:CreateSchedule'])
      expect(actionsOf(policyStatementsOf('consultationPage'))).not.toContain(action);
    expect(actionsOf(policyStatementsOf('consultationsApi'))).toContain('ses:SendEmail');
    const cycleStarts = policyStatementsOf('cyclesApi').filter((st) => st.Action === 'states:StartExecution');
    expect(cycleStarts.map((st) => JSON.stringify(stack.resolve(st.Resource)))).toEqual([
      expect.stringContaining(':stateMachine:Test-cycle'),
    ]);
    const stepStarts = policyStatementsOf('cycleSteps').filter((st) => st.Action === 'states:StartExecution');
    const started = JSON.stringify(stepStarts.map((st) => stack.resolve(st.Resource)));
    for (const machine of ['cycle', 'followUp', 'inputRound', 'approvalRound'])
      expect(started).toContain(`:stateMachine:Test-${machine}"`);
    expect(started).not.toContain(':stateMachine:Test-meeting');
    expect(actionsOf(policyStatementsOf('roundsApi'))).toContain('states:StartExecution');
    // The ARN the functions use and are granted on is the state machine's real ARN (colon before the name).
    const start = policyStatementsOf('roundsApi').find((st) => st.Action === 'states:StartExecution');
    expect(JSON.stringify(stack.resolve(start.Resource))).toContain(':stateMachine:Test-approvalRound');
    const [[, roundsApi]] = resources('AWS::Lambda::Function').filter(([id]) => id.startsWith('roundsApi'));
    expect(JSON.stringify(roundsApi.Properties.Environment.Variables.APPROVAL_STATE_MACHINE_ARN)).toContain(
      ':stateMachine:Test-approvalRound',
    );
    const [[, sm]] = resources('AWS::StepFunctions::StateMachine');
    expect(sm.Properties.StateMachineName).toBe('Test-approvalRound');
    expect(actionsOf(policyStatementsOf('roundSteps'))).toContain('states:SendTaskSuccess');
    for (const name of Object.keys(functions)) {
      const deny = policyStatementsOf(name).find((s) => s.Effect === 'Deny');
      expect(deny, name).toMatchObject({
        Action: expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:DeleteItem']),
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
      });
    }
    const managed = resources('AWS::IAM::Role').flatMap(([, r]) => r.Properties.ManagedPolicyArns ?? []);
    expect(JSON.stringify(managed)).not.toMatch(/FullAccess/);
  });

  it('builds the approval-round state machine from its ASL file with every substitution filled', () => {
    const [[, sm]] = resources('AWS::StepFunctions::StateMachine');
    expect(sm.Properties.StateMachineType).toBe('STANDARD');
    expect(sm.Properties.TracingConfiguration).toEqual({ Enabled: true });
    expect(sm.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    const subs = sm.Properties.DefinitionSubstitutions;
    expect(Object.keys(subs)).toEqual(['RoundStepsFunctionArn', 'RoundStepsTimeoutSeconds']);
    expect(subs.RoundStepsFunctionArn['Fn::GetAtt'][0]).toMatch(/^roundSteps/);
    // Its Lambda Tasks wait just longer than the function may run, a number from the wiring.
    expect(subs.RoundStepsTimeoutSeconds).toBe(
      String(functions.roundSteps.timeoutSeconds + TASK_TIMEOUT_MARGIN_SECONDS),
    );
    // The definition is the ASL file itself, uploaded as an asset; CloudFormation fills the placeholders.
    expect(sm.Properties.DefinitionS3Location).toBeDefined();
    const asl = readFileSync(resolve(import.meta.dirname, '../../workflows/approval-round.asl.json'), 'utf8');
    const placeholders = [...asl.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]);
    expect(placeholders.length).toBeGreaterThan(0);
    expect(placeholders.every((p) => p in subs)).toBe(true);
  });

  it('builds the follow-up, meeting and cycle machines from one loop file, each with its own names', () => {
    const machines = resources('AWS::StepFunctions::StateMachine').map(([, sm]) => sm.Properties);
    const timerLoop = machines.filter((p) => p.DefinitionSubstitutions.IdField);
    expect(timerLoop.map((p) => p.DefinitionSubstitutions.IdField).sort()).toEqual(['cycleId', 'itemId', 'meetingId']);
    const asl = readFileSync(resolve(import.meta.dirname, '../../workflows/timer-loop.asl.json'), 'utf8');
    const placeholders = [...new Set([...asl.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const p of timerLoop) {
      expect(Object.keys(p.DefinitionSubstitutions).sort()).toEqual(placeholders);
      expect(p.DefinitionSubstitutions.StepsFunctionArn['Fn::GetAtt'][0]).toMatch(/^(followUp|meeting|cycle)Steps/);
      expect(Number(p.DefinitionSubstitutions.StepsTimeoutSeconds)).toBeGreaterThan(TASK_TIMEOUT_MARGIN_SECONDS);
      // Texts go into the JSON as they are: no quote or backslash may break it.
      for (const v of Object.values(p.DefinitionSubstitutions))
        if (typeof v === 'string') expect(v).not.toMatch(/["\\]/);
    }
  });

  it('puts every wiring route on the HTTP API, with Cognito on /api and the token on /d', () => {
    const apiRoutes = Object.values(routesTemplate.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(apiRoutes.map((r) => r.RouteKey).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const r of apiRoutes)
      expect(r.AuthorizationType, r.RouteKey).toBe(r.RouteKey.includes(' /api/') ? 'JWT' : 'NONE');
  });

  it("lets the API invoke each function by one permission, and stays well within CloudFormation's 500 resources", () => {
    const permissions = [
      ...resources('AWS::Lambda::Permission'),
      ...Object.entries(routesTemplate.findResources('AWS::Lambda::Permission')),
    ].filter(([, r]) => r.Properties.Principal === 'apigateway.amazonaws.com');
    expect(permissions.length).toBe(new Set(routes.map((r) => r.fn)).size);
    // A permission per route put the stack at 501 (synth refuses); the routes went to a nested stack
    // when every flow's pages were coming. Each stack has its own 500; the headroom is for what comes.
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThanOrEqual(400);
    expect(Object.keys(routesTemplate.toJSON().Resources).length).toBeLessThanOrEqual(400);
    expect(resources('AWS::CloudFormation::Stack')).toHaveLength(1);
  });

  it('publishes bounces, complaints, deliveries and rejects from the SES configuration set', () => {
    const [[, dest]] = resources('AWS::SES::ConfigurationSetEventDestination');
    expect(dest.Properties.EventDestination.MatchingEventTypes.sort()).toEqual([
      'bounce',
      'complaint',
      'delivery',
      'reject',
    ]);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
  });

  it('sends every alarm to the programme office', () => {
    const alarms = resources('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(Object.keys(functions).length);
    for (const [id, alarm] of alarms) expect(alarm.Properties.AlarmActions, id).toHaveLength(1);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'office@example.org' });
  });

  it('alarms on every workflow execution that failed, timed out or was aborted, and on any dead-letter queue', () => {
    const alarms = resources('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const machines = resources('AWS::StepFunctions::StateMachine');
    expect(machines.length).toBeGreaterThan(0);
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
      const on = alarms.filter((a) => a.MetricName === metric && a.Namespace === 'AWS/States');
      expect(on, metric).toHaveLength(machines.length);
      for (const a of on) expect(a.Threshold, metric).toBe(1);
    }
    // Any dead-letter queue (a queue a schedule, function or queue names as its DLQ) has an alarm on its depth.
    const json = JSON.stringify(template.toJSON().Resources);
    const dlqs = resources('AWS::SQS::Queue')
      .map(([id]) => id)
      .filter((id) => new RegExp(`"(DeadLetterConfig|RedrivePolicy)":\\{[^}]*"${id}"`).test(json));
    for (const id of dlqs) {
      const watched = alarms.filter(
        (a) =>
          a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          JSON.stringify(a.Dimensions ?? []).includes(`"${id}"`),
      );
      expect(watched, id).toHaveLength(1);
    }
  });

  it('signs the console in through Cognito hosted sign-in with the code flow, no client secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'alliantie-test' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      AllowedOAuthScopes: ['openid', 'email'],
    });
    const [[, consoleFn]] = resources('AWS::Lambda::Function').filter(([id]) => id.startsWith('console'));
    expect(Object.keys(consoleFn.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['COGNITO_DOMAIN', 'COGNITO_CLIENT_ID', 'COGNITO_USER_POOL_ID']),
    );
  });

  it('runs the scheduled ticks and keeps the link key in Secrets Manager', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 0 * * ? *)' });
    // The reminder digest's daily safety sweep (each person's message has its own one-time schedule).
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 6 * * ? *)' });
    // The mail sweeper's daily safety sweep (its wake is a one-time schedule), and an alarm on an email
    // that failed every try; no sweep every few minutes any more.
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 5 * * ? *)' });
    const crons = resources('AWS::Events::Rule').map(([, r]) => r.Properties.ScheduleExpression);
    expect(crons.filter((c: string) => c.includes('*/'))).toEqual([]);
    template.hasResourceProperties('AWS::Logs::MetricFilter', { FilterPattern: '"ALARM email dead"' });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'k1' }),
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });
});

reminderScheduleCases(() => ({ stack, template }));
mailSweepScheduleCases(() => ({ stack, template }));
watchdogCases(() => ({ template }));
