/**
 * The cloud stack, built from the wiring declaration. Each part lives in its own module: the table
 * and link keys (data.ts), SES (mail.ts), Cognito (sign-in.ts), the HTTP API (api.ts), the
 * functions and their least-privilege grants (functions.ts), the state machines (workflows.ts),
 * schedules and event sources (schedules.ts), the reminder schedules and the mail sweeper's wake
 * (reminder-schedules.ts, mail-sweep-schedule.ts), alarms (monitoring.ts) and cdk-nag's accepted
 * findings (nag-suppressions.ts). Every resource is made directly in the stack, in this order, so
 * the logical ids and the template stay as they were before the split.
 */
import { CfnOutput, type NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { addRoutes, createApi } from './api';
import { createLinkKeys, createTable } from './data';
import { createDocumentsBucket } from './documents';
import { createFunctions } from './functions';
import { createMail } from './mail';
import { alarmOnDeadMail, alarmOnInvalidTokens, createAlarmAction } from './monitoring';
import { suppressWithReasons } from './nag-suppressions';
import { addTriggers } from './schedules';
import { addMailSweepSchedule } from './mail-sweep-schedule';
import { addReminderSchedules } from './reminder-schedules';
import { addConsoleClient, createSignIn } from './sign-in';
import { createWorkflows } from './workflows';

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

export class AllianceStack extends Stack {
  /** The API's routes, in a nested stack of their own (api.ts). */
  readonly routes: NestedStack;

  constructor(scope: Construct, id: string, props: AllianceStackProps) {
    super(scope, id, props);

    const table = createTable(this);
    const linkKeys = createLinkKeys(this);
    const mail = createMail(this);
    const notify = createAlarmAction(this, props.officeEmail);
    const signIn = createSignIn(this, props.signInDomainPrefix);
    const api = createApi(this);
    const publicBaseUrl = props.publicBaseUrl || api.apiEndpoint;
    const consoleClient = addConsoleClient(signIn.userPool, publicBaseUrl);
    const documents = createDocumentsBucket(this, publicBaseUrl);

    const fns = createFunctions(this, {
      table,
      linkKeys,
      configurationSet: mail.configurationSet,
      sesIdentity: props.sesIdentity,
      documents,
      environment: {
        TABLE_NAME: table.tableName,
        MAIL_FROM: props.mailFrom,
        OFFICE_EMAIL: props.officeEmail,
        PUBLIC_BASE_URL: publicBaseUrl,
        SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName,
        LINK_KEYS_SECRET_ARN: linkKeys.secretArn,
      },
    });
    // Only the console signs people in itself (hosted sign-in), so only it is told where.
    fns.console.addEnvironment('COGNITO_DOMAIN', signIn.domain.baseUrl());
    fns.console.addEnvironment('COGNITO_CLIENT_ID', consoleClient.userPoolClientId);
    fns.console.addEnvironment('COGNITO_USER_POOL_ID', signIn.userPool.userPoolId);

    createWorkflows(this, fns, notify);
    alarmOnInvalidTokens(this, Object.values(fns), notify);
    alarmOnDeadMail(this, fns.mailSweeper, notify);
    this.routes = addRoutes(this, api, signIn, fns);
    addTriggers(this, fns, mail.deliveryEvents);
    addReminderSchedules(this, fns, notify);
    addMailSweepSchedule(this, fns, notify);

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: signIn.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: documents.bucketName });

    suppressWithReasons(this);
  }
}
