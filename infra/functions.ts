/** One function per wiring entry, each with its own role and only the grants its access declares. */
import type { Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ConfigurationSet } from 'aws-cdk-lib/aws-ses';
import { AUDIT_PREFIX } from '../functions/platform/table';
import { AllianceFunction } from './alliance-function';
import { machineArn } from './workflows';
import { type FunctionName, type FunctionSpec, functions, type WorkflowName, workflowArnVariables } from './wiring';

type Spec = FunctionSpec<WorkflowName>;

export interface FunctionResources {
  table: TableV2;
  linkKeys: Secret;
  configurationSet: ConfigurationSet;
  /** The verified SES identity (domain) the product sends from. */
  sesIdentity: string;
  /** What every function is told: table, mail settings, public address, link keys. */
  environment: Record<string, string>;
  /** The documents bucket; only functions with `documents` access are told its name and may reach it. */
  documents: Bucket;
}

export function createFunctions(stack: Stack, res: FunctionResources): Record<FunctionName, AllianceFunction> {
  const fns = {} as Record<FunctionName, AllianceFunction>;
  for (const [name, spec] of Object.entries(functions) as [FunctionName, Spec][]) {
    const env: Record<string, string> = { ...res.environment };
    for (const wf of spec.access.startWorkflows ?? []) env[workflowArnVariables[wf]] = machineArn(stack, wf);
    if (spec.access.documents) env.DOCUMENTS_BUCKET = res.documents.bucketName;
    const fn = new AllianceFunction(stack, name, spec, env);
    fns[name] = fn;
    grantData(fn, spec, res);
    if (spec.access.sendEmail) grantSend(stack, fn, res);
    grantWorkflows(stack, fn, spec);
    grantDocuments(fn, spec, res.documents);
  }
  return fns;
}

function grantData(fn: AllianceFunction, spec: Spec, res: FunctionResources): void {
  if (spec.access.table === 'readwrite') res.table.grantReadWriteData(fn);
  else res.table.grantReadData(fn);
  // Audit records are append-only: no function may update or delete them.
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      resources: [res.table.tableArn],
      conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_PREFIX}*`] } },
    }),
  );
  if (spec.access.linkKeys) res.linkKeys.grantRead(fn);
}

/** Sending only from our identity and through our configuration set, so every send is tracked. */
function grantSend(stack: Stack, fn: AllianceFunction, res: FunctionResources): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: res.sesIdentity }),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: res.configurationSet.configurationSetName,
        }),
      ],
    }),
  );
}

function grantWorkflows(stack: Stack, fn: AllianceFunction, spec: Spec): void {
  for (const wf of spec.access.startWorkflows ?? []) {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [machineArn(stack, wf)] }));
  }
  for (const wf of spec.access.watchWorkflows ?? []) {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['states:ListExecutions'], resources: [machineArn(stack, wf)] }));
  }
  for (const wf of spec.access.resumeWorkflows ?? []) {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        resources: [machineArn(stack, wf)],
      }),
    );
  }
}

/**
 * Objects under documents/ only, and only what the function does with them: reading signs download
 * links (and the check reads a file's first bytes); readwrite also signs upload forms (PutObject) and
 * deletes a refused file. No listing, no bucket settings.
 */
function grantDocuments(fn: AllianceFunction, spec: Spec, bucket: Bucket): void {
  if (!spec.access.documents) return;
  const actions =
    spec.access.documents === 'readwrite' ? ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] : ['s3:GetObject'];
  fn.addToRolePolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects('documents/*')] }));
}
