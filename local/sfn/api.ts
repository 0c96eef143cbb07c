/**
 * The Step Functions API operations the stand-in answers, with AWS's request and response shapes
 * (API reference, "Actions"); dates are epoch seconds, as the JSON protocol sends them.
 */
import type { LocalStepFunctions } from '../stepfunctions';
import { SfnError } from './errors';
import type { ExecutionRecord } from './journal';
import type { MachineRecord } from './machines';

type Body = Record<string, any>;
const seconds = (ms?: number) => (ms === undefined ? undefined : ms / 1000);

const executionItem = (e: ExecutionRecord) => ({
  executionArn: e.executionArn,
  stateMachineArn: e.stateMachineArn,
  name: e.name,
  status: e.status,
  startDate: seconds(e.startDate),
  stopDate: seconds(e.stopDate),
});

const describeExecution = (e: ExecutionRecord) => ({
  ...executionItem(e),
  input: e.input,
  inputDetails: { included: true },
  output: e.output,
  outputDetails: e.output === undefined ? undefined : { included: true },
  error: e.error,
  cause: e.cause,
  redriveCount: 0,
  redriveStatus: 'NOT_REDRIVABLE',
});

const describeMachine = (m: MachineRecord) => ({
  stateMachineArn: m.arn,
  name: m.name,
  status: 'ACTIVE',
  definition: m.text,
  roleArn: m.roleArn,
  type: 'STANDARD',
  creationDate: seconds(m.creationDate),
  loggingConfiguration: { level: 'OFF', includeExecutionData: false },
  tracingConfiguration: { enabled: false },
});

/** One page of `items`: `nextToken` is the offset of the next page. */
function page<T>(items: T[], b: Body, max = 100): { items: T[]; nextToken?: string } {
  const start = b.nextToken ? Number(b.nextToken) : 0;
  if (!Number.isInteger(start) || start < 0) throw new SfnError('InvalidToken', 'Invalid Token');
  const size = b.maxResults || max;
  const next = start + size < items.length ? String(start + size) : undefined;
  return { items: items.slice(start, start + size), nextToken: next };
}

export function operations(sfn: LocalStepFunctions): Record<string, (b: Body) => unknown> {
  const machines = sfn.machines;
  return {
    CreateStateMachine: (b) => {
      const m = machines.create(b.name, b.definition, b.roleArn, b.type);
      return { stateMachineArn: m.arn, creationDate: seconds(m.creationDate) };
    },
    UpdateStateMachine: (b) => ({
      updateDate: seconds(machines.update(b.stateMachineArn, b.definition, b.roleArn).updateDate),
    }),
    DeleteStateMachine: (b) => (machines.delete(b.stateMachineArn), {}),
    DescribeStateMachine: (b) => describeMachine(machines.get(b.stateMachineArn)),
    DescribeStateMachineForExecution: (b) => {
      const m = machines.get(sfn.describeExecution(b.executionArn).stateMachineArn);
      const { status: _status, type: _type, creationDate, ...rest } = describeMachine(m);
      return { ...rest, updateDate: seconds(m.updateDate) ?? creationDate };
    },
    ListStateMachines: (b) => {
      const { items, nextToken } = page(machines.list(), b, 1000);
      const stateMachines = items.map((m) => ({
        stateMachineArn: m.arn,
        name: m.name,
        type: 'STANDARD',
        creationDate: seconds(m.creationDate),
      }));
      return { stateMachines, nextToken };
    },
    StartExecution: (b) => {
      const e = sfn.startExecution(b.stateMachineArn, b.name, b.input);
      return { executionArn: e.executionArn, startDate: seconds(e.startDate) };
    },
    DescribeExecution: (b) => describeExecution(sfn.describeExecution(b.executionArn)),
    ListExecutions: (b) => {
      const { items, nextToken } = page(sfn.listExecutions(b.stateMachineArn, b.statusFilter), b);
      return { executions: items.map(executionItem), nextToken };
    },
    GetExecutionHistory: (b) => {
      sfn.describeExecution(b.executionArn);
      const all = sfn.histories.get(b.executionArn).map((e) => ({ ...e, timestamp: seconds(e.timestamp) }));
      const { items, nextToken } = page(b.reverseOrder ? all.reverse() : all, b);
      return { events: items, nextToken };
    },
    StopExecution: (b) => ({ stopDate: seconds(sfn.stopExecution(b.executionArn, b.error, b.cause).stopDate) }),
    SendTaskSuccess: (b) => (sfn.sendTaskSuccess(b.taskToken, b.output), {}),
    SendTaskFailure: (b) => (sfn.sendTaskFailure(b.taskToken, b.error, b.cause), {}),
    SendTaskHeartbeat: (b) => (sfn.sendTaskHeartbeat(b.taskToken), {}),
  };
}
