/** The cdk-nag findings we accept, each with the reason it does not apply or is a decision. */
import type { Stack } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';

const MFA_REQUIRED = 'MFA is required for every programme office account.';

export function suppressWithReasons(stack: Stack): void {
  // Also in the nested stack of the API's routes (api.ts), where APIG4 and COG4 are found.
  const applyToNestedStacks = true;
  NagSuppressions.addStackSuppressions(
    stack,
    [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'Functions use AWSLambdaBasicExecutionRole only to write their own log streams; ' +
          'no data access comes from managed policies.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Wildcards come from CDK grants scoped to this table's indexes, X-Ray (which has no resource-level " +
          'permissions), and the invoke grant for function versions.',
        appliesTo: ['Resource::<TableCD117FA1.Arn>/index/*', 'Resource::*', { regex: '/^Resource::<.*\\.Arn>:\\*$/g' }],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Each person's reminder schedule is named from their id when it is planned, so the functions that " +
          'plan reminders may manage any schedule in the reminder group, and only there.',
        appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:scheduler:.*:schedule\\/.*-reminders\\/\\*$/g' }],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Document files are named by id when they are uploaded, so the functions with documents access may ' +
          'read (and the API write and delete) any object under documents/ in the documents bucket, and nothing else.',
        appliesTo: [{ regex: '/^Resource::<Documents[0-9A-F]{8}\\.Arn>\\/documents\\/\\*$/g' }],
      },
      {
        id: 'AwsSolutions-SQS3',
        reason:
          "The reminder schedules' and the mail sweeper wake's dead-letter queues are themselves the last stop; " +
          'their alarms tell the office.',
      },
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Decision pages are opened from email by people without accounts; each is protected by its signed, ' +
          'person-bound token. Console pages check a signed session cookie created after Cognito hosted sign-in. ' +
          'The public /p pages and /cycli hold no personal data. All /api routes use the Cognito authorizer.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason:
          'Decision-page routes are protected by signed tokens and console routes by the session cookie from ' +
          'Cognito sign-in (see APIG4); all /api routes use the Cognito authorizer.',
      },
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Link keys rotate by adding a key and making it current, keeping old keys until their links expire ' +
          '(docs/operations.md); automatic replacement would break links in flight.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason: `Threat protection (Plus plan) is a cost decision left to each alliance; ${MFA_REQUIRED}`,
      },
      {
        id: 'AwsSolutions-COG8',
        reason: `The Plus feature plan is a cost decision left to each alliance; ${MFA_REQUIRED}`,
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'Functions run Node.js 22, the same major as local mode and the test suite; both are upgraded together.',
      },
    ],
    applyToNestedStacks,
  );
}
