/**
 * The cloud stack, built from the wiring declaration: table, functions (one role each, least
 * privilege), the approval-round state machine from its ASL file, the HTTP API with Cognito
 * for the programme office, SES configuration set with event publishing, the link-signing key
 * in Secrets Manager, scheduled ticks and alarms.
 */
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EventDestination, EmailSendingEvent } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import { AUDIT_PREFIX, TABLE_SCHEMA, TTL_ATTRIBUTE } from '../functions/platform/table';
import { AllianceFunction } from './alliance-function';
import {
  functions,
  routes,
  schedules,
  workflowArnVariables,
  workflows,
  type FunctionName,
  type WorkflowName,
} from './wiring';

export interface AllianceStackProps extends StackProps {
  mailFrom: string;
  officeEmail: string;
  /** The verified SES identity (domain) the product sends from. */
  sesIdentity: string;
  /** Where people open decision links; defaults to the HTTP API's own URL. */
  publicBaseUrl?: string;
  /** Prefix of the Cognito hosted sign-in domain (<prefix>.auth.<region>.amazoncognito.com); globally unique. */
  signInDomainPrefix: string;
}

const ROOT = resolve(import.meta.dirname, '..');

export class AllianceStack extends Stack {
  constructor(scope: Construct, id: string, props: AllianceStackProps) {
    super(scope, id, props);

    const index = TABLE_SCHEMA.indexes[0];
    const table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
        },
      ],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryptionV2.awsManagedKey(),
      // Idempotency records (IDEMPOTENCY#…) carry an expiry; DynamoDB removes them after it.
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });

    const linkKeys = new Secret(this, 'LinkSigningKeys', {
      description:
        'HMAC keys for decision links: {"current":"k1","k1":"..."}; rotate by adding a key and making it current',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ current: 'k1' }),
        generateStringKey: 'k1',
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // SES: every send uses this configuration set; its events go to an encrypted topic.
    const eventsKey = new Key(this, 'DeliveryEventsKey', {
      enableKeyRotation: true,
      description: 'Encrypts SES delivery events',
    });
    eventsKey.grantEncryptDecrypt(new ServicePrincipal('ses.amazonaws.com'));
    const deliveryEvents = new Topic(this, 'DeliveryEvents', { masterKey: eventsKey, enforceSSL: true });
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
    });
    configurationSet.addEventDestination('ToTopic', {
      destination: EventDestination.snsTopic(deliveryEvents),
      events: [
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.REJECT,
      ],
    });

    // Alarms reach the programme office by email (confirm the subscription once after deploying).
    const alarmsKey = new Key(this, 'AlarmsKey', {
      enableKeyRotation: true,
      description: 'Encrypts alarm notifications',
    });
    alarmsKey.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));
    const alarms = new Topic(this, 'Alarms', { masterKey: alarmsKey, enforceSSL: true });
    alarms.addSubscription(new EmailSubscription(props.officeEmail));
    const notify = new SnsAction(alarms);

    const userPool = new UserPool(this, 'ProgrammeOffice', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const userPoolClient = userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
    });
    // Hosted sign-in for the console (authorization code with PKCE, no client secret).
    const signInDomain = userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.signInDomainPrefix } });

    const api = new HttpApi(this, 'Api', {
      description: 'Alliantiecyclus API and decision pages',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.SIX_MONTHS });
    new HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    const publicBaseUrl = props.publicBaseUrl || api.apiEndpoint;
    const consoleClient = userPool.addClient('ConsoleWeb', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [`${publicBaseUrl}/console/callback`],
        logoutUrls: [`${publicBaseUrl}/console/sign-in`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
    });

    // State machine ARNs are built from fixed names so functions can be granted on them without a
    // dependency cycle (the state machine itself depends on the step function's ARN).
    const machineName = (wf: WorkflowName) => `${this.stackName}-${wf}`;
    const machineArn = (wf: WorkflowName) =>
      this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: machineName(wf),
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });

    const baseEnvironment = {
      TABLE_NAME: table.tableName,
      MAIL_FROM: props.mailFrom,
      OFFICE_EMAIL: props.officeEmail,
      PUBLIC_BASE_URL: publicBaseUrl,
      SES_CONFIGURATION_SET: configurationSet.configurationSetName,
      LINK_KEYS_SECRET_ARN: linkKeys.secretArn,
    };
    const fns = {} as Record<FunctionName, AllianceFunction>;
    for (const [name, spec] of Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]) {
      const env: Record<string, string> = { ...baseEnvironment };
      for (const wf of spec.access.startWorkflows ?? []) env[workflowArnVariables[wf]] = machineArn(wf);
      const fn = new AllianceFunction(this, name, spec, env);
      fns[name] = fn;
      if (spec.access.table === 'readwrite') table.grantReadWriteData(fn);
      else table.grantReadData(fn);
      // Audit records are append-only: no function may update or delete them.
      fn.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.DENY,
          actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PREFIX}*`] } },
        }),
      );
      if (spec.access.linkKeys) linkKeys.grantRead(fn);
      if (spec.access.sendEmail) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [
              this.formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity }),
              this.formatArn({
                service: 'ses',
                resource: 'configuration-set',
                resourceName: configurationSet.configurationSetName,
              }),
            ],
          }),
        );
      }
      for (const wf of spec.access.startWorkflows ?? []) {
        fn.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [machineArn(wf)] }));
      }
      for (const wf of spec.access.resumeWorkflows ?? []) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
            resources: [machineArn(wf)],
          }),
        );
      }
    }

    fns.console.addEnvironment('COGNITO_DOMAIN', signInDomain.baseUrl());
    fns.console.addEnvironment('COGNITO_CLIENT_ID', consoleClient.userPoolClientId);
    fns.console.addEnvironment('COGNITO_USER_POOL_ID', userPool.userPoolId);

    for (const [name, wf] of Object.entries(workflows) as [WorkflowName, (typeof workflows)[WorkflowName]][]) {
      const machine = new StateMachine(this, `${name}Workflow`, {
        stateMachineName: machineName(name),
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromFile(resolve(ROOT, wf.file)),
        definitionSubstitutions: Object.fromEntries(
          Object.entries(wf.substitutions).map(([key, sub]) => [
            key,
            'functionArn' in sub ? fns[sub.functionArn].functionArn : sub.text,
          ]),
        ),
        tracingEnabled: true,
        // Execution data stays out of the logs: it would carry task tokens.
        logs: {
          destination: new LogGroup(this, `${name}WorkflowLogs`, { retention: RetentionDays.SIX_MONTHS }),
          level: LogLevel.ALL,
          includeExecutionData: false,
        },
      });
      for (const sub of Object.values(wf.substitutions))
        if ('functionArn' in sub) fns[sub.functionArn].grantInvoke(machine);
      const failures = new Alarm(this, `${name}Failures`, {
        metric: machine.metricFailed({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `A ${name} workflow failed after its retries`,
      });
      failures.addAlarmAction(notify);
    }

    // "ALARM invalid task token" is logged when a resume is refused as invalid: never expected.
    for (const fn of Object.values(fns)) {
      const filter = new MetricFilter(this, `${fn.node.id}InvalidTokenFilter`, {
        logGroup: fn.logGroup as LogGroup,
        filterPattern: FilterPattern.literal('"ALARM invalid task token"'),
        metricNamespace: 'AllianceCycle',
        metricName: `InvalidTaskToken-${fn.node.id}`,
        metricValue: '1',
      });
      new Alarm(this, `${fn.node.id}InvalidTokenAlarm`, {
        metric: filter.metric(),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `${fn.node.id} was refused a workflow resume as an invalid task token`,
      }).addAlarmAction(notify);
    }

    const authorizer = new HttpUserPoolAuthorizer('ProgrammeOfficeAuthorizer', userPool, {
      userPoolClients: [userPoolClient],
    });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of routes) {
      if (!integrations.has(route.fn))
        integrations.set(route.fn, new HttpLambdaIntegration(`${route.fn}Integration`, fns[route.fn]));
      api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations.get(route.fn)!,
        ...(route.auth === 'office' ? { authorizer } : {}),
      });
    }

    for (const s of schedules) {
      // On the hour (UTC), as the local runtime runs them: the reminder budget plans whole hours.
      const hour = s.everyHours >= 24 ? '0' : s.everyHours === 1 ? '*' : `*/${s.everyHours}`;
      new Rule(this, `${s.name}Schedule`, {
        schedule: Schedule.cron({ minute: '0', hour }),
        targets: [new LambdaFunction(fns[s.fn])],
      });
    }
    fns.sesEvents.addEventSource(new SnsEventSource(deliveryEvents));

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: table.tableName });

    this.suppressWithReasons();
  }

  private suppressWithReasons(): void {
    NagSuppressions.addStackSuppressions(this, [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'Functions use AWSLambdaBasicExecutionRole only to write their own log streams; no data access comes from managed policies.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Wildcards come from CDK grants scoped to this table's indexes, X-Ray (which has no resource-level permissions), and the invoke grant for function versions.",
        appliesTo: ['Resource::<TableCD117FA1.Arn>/index/*', 'Resource::*', { regex: '/^Resource::<.*\\.Arn>:\\*$/g' }],
      },
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Decision pages are opened from email by people without accounts; each is protected by its signed, person-bound token. Console pages check a signed session cookie created after Cognito hosted sign-in. The public /p pages hold no personal data. All /api routes use the Cognito authorizer.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason:
          'Decision-page routes are protected by signed tokens and console routes by the session cookie from Cognito sign-in (see APIG4); all /api routes use the Cognito authorizer.',
      },
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Link keys rotate by adding a key and making it current, keeping old keys until their links expire (docs/operations.md); automatic replacement would break links in flight.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection (Plus plan) is a cost decision left to each alliance; MFA is required for every programme office account.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan is a cost decision left to each alliance; MFA is required for every programme office account.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'Functions run Node.js 22, the same major as local mode and the test suite; both are upgraded together.',
      },
    ]);
  }
}
