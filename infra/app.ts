/** CDK app: one stack per alliance deployment. cdk-nag's AwsSolutions checks run on every synth. */
import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AllianceStack } from './stack';

const app = new App();
const ctx = (key: string) => String(app.node.tryGetContext(key) ?? '');

new AllianceStack(app, 'AllianceCycle', {
  mailFrom: ctx('mailFrom'),
  officeEmail: ctx('officeEmail'),
  sesIdentity: ctx('sesIdentity'),
  publicBaseUrl: ctx('publicBaseUrl') || undefined,
  signInDomainPrefix: ctx('signInDomainPrefix'),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
app.synth();
