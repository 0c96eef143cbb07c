/** Lookups the stack's test cases share on its one synthesized template. */
import type { Template } from 'aws-cdk-lib/assertions';

export function templateQueries(template: () => Template) {
  const resources = (type: string) => Object.entries(template().findResources(type)) as [string, any][];
  /** Every policy statement attached to the role with this logical id. */
  const statementsOfRole = (roleId: string) =>
    resources('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
  return { resources, statementsOfRole };
}
