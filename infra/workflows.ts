/** One Standard state machine per wiring workflow, from its ASL file with the substitutions filled. */
import { ArnFormat, type Stack } from 'aws-cdk-lib';
import type { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { resolve } from 'node:path';
import type { AllianceFunction } from './alliance-function';
import { alarmOnFailures } from './monitoring';
import { type FunctionName, type WorkflowName, type WorkflowSpec, workflows } from './wiring';

const ROOT = resolve(import.meta.dirname, '..');

// State machine ARNs are built from fixed names so functions can be granted on them without a
// dependency cycle (the state machine itself depends on the step function's ARN).
const machineName = (stack: Stack, wf: WorkflowName) => `${stack.stackName}-${wf}`;

export const machineArn = (stack: Stack, wf: WorkflowName) =>
  stack.formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: machineName(stack, wf),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

export function createWorkflows(stack: Stack, fns: Record<FunctionName, AllianceFunction>, notify: SnsAction) {
  for (const [name, wf] of Object.entries(workflows) as [WorkflowName, WorkflowSpec<FunctionName>][]) {
    const machine = new StateMachine(stack, `${name}Workflow`, {
      stateMachineName: machineName(stack, name),
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
        destination: new LogGroup(stack, `${name}WorkflowLogs`, { retention: RetentionDays.SIX_MONTHS }),
        level: LogLevel.ALL,
        includeExecutionData: false,
      },
    });
    for (const sub of Object.values(wf.substitutions))
      if ('functionArn' in sub) fns[sub.functionArn].grantInvoke(machine);
    alarmOnFailures(stack, name, machine, notify);
  }
}
