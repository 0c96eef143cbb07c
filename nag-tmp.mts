import { App, Aspects } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AllianceStack } from '/work/wt-schedules/infra/stack';
const app = new App();
const stack = new AllianceStack(app, 'Test', { mailFrom: 'n@a.org', officeEmail: 'o@a.org', sesIdentity: 'a.org', signInDomainPrefix: 'a-t' });
Aspects.of(stack).add(new AwsSolutionsChecks());
app.synth();
for (const e of Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))) console.log(e.id, String(e.entry.data).slice(0, 160));
