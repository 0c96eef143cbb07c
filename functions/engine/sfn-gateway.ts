/** Starting and resuming workflows in Step Functions. Execution names: docs/architecture.md (limits). */
import { ListExecutionsCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../platform/clients';
import type { Log, WorkflowGateway } from './ports';

export class SfnGateway implements WorkflowGateway {
  constructor(
    private readonly approvalStateMachineArn: string | undefined,
    private readonly log: Log,
    private readonly followUpStateMachineArn?: string,
    private readonly inputRoundStateMachineArn?: string,
    private readonly meetingStateMachineArn?: string,
    private readonly cycleStateMachineArn?: string,
  ) {}

  /** Named by the cycle's id: the office's retried create starts one workflow. */
  startCycle(id: string, name = id): Promise<void> {
    return this.start(this.cycleStateMachineArn, 'CYCLE_STATE_MACHINE_ARN', name, { cycleId: id });
  }

  /** Named `<series>--<date>`: the planner may run twice, the meeting's workflow starts once. */
  startMeeting(id: string, name = id): Promise<void> {
    return this.start(this.meetingStateMachineArn, 'MEETING_STATE_MACHINE_ARN', name, { meetingId: id });
  }

  startInputRound(id: string, name = id): Promise<void> {
    return this.start(this.inputRoundStateMachineArn, 'INPUT_ROUND_STATE_MACHINE_ARN', name, { inputRoundId: id });
  }

  startRound(roundId: string): Promise<void> {
    return this.start(this.approvalStateMachineArn, 'APPROVAL_STATE_MACHINE_ARN', roundId, { roundId });
  }

  startFollowUp(itemId: string, name = itemId): Promise<void> {
    return this.start(this.followUpStateMachineArn, 'FOLLOW_UP_STATE_MACHINE_ARN', name, { itemId });
  }

  /** Names of the running executions of a flow's state machine, for the watchdog (engine/watchdog.ts). */
  async runningExecutions(flow: 'followUp' | 'inputRound' | 'meeting' | 'cycle'): Promise<string[]> {
    const arn = {
      cycle: this.cycleStateMachineArn,
      followUp: this.followUpStateMachineArn,
      inputRound: this.inputRoundStateMachineArn,
      meeting: this.meetingStateMachineArn,
    }[flow];
    if (!arn) throw new Error(`the ${flow} state machine ARN is not set`);
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const res = await sfn.send(
        new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'RUNNING', maxResults: 1000, nextToken }),
      );
      for (const e of res.executions ?? []) if (e.name) names.push(e.name);
      nextToken = res.nextToken;
    } while (nextToken);
    return names;
  }

  private async start(
    arn: string | undefined,
    variable: string,
    name: string,
    input: Record<string, string>,
  ): Promise<void> {
    if (!arn) throw new Error(`${variable} is not set`);
    try {
      // The execution name is the business id (`<id>--2`, … when it continues as new, or a watchdog's
      // `<id>--r<day>`): starting the same flow twice starts one workflow.
      await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }));
    } catch (err) {
      if (err instanceof Error && err.name === 'ExecutionAlreadyExists') return;
      throw err;
    }
  }

  /** True when a workflow was waiting on the token and is now resumed. */
  async resume(taskToken: string, output: Record<string, unknown>): Promise<boolean> {
    try {
      await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      return true;
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Unknown';
      if (name === 'TaskTimedOut' || name === 'TaskDoesNotExist') {
        // The workflow stopped waiting (its timer fired first); it re-reads the round anyway.
        this.log.info('workflow was no longer waiting', { error: name });
        return false;
      }
      if (name === 'InvalidToken') {
        // Never expected: a metric filter on this message raises an alarm.
        this.log.error('ALARM invalid task token on resume', { error: name });
        return false;
      }
      throw err;
    }
  }
}
