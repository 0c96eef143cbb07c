/** Starting and resuming workflows in Step Functions. */
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../platform/clients';
import type { Log, WorkflowGateway } from './ports';

export class SfnGateway implements WorkflowGateway {
  constructor(
    private readonly approvalStateMachineArn: string | undefined,
    private readonly log: Log,
    private readonly followUpStateMachineArn?: string,
    private readonly inputRoundStateMachineArn?: string,
    private readonly meetingStateMachineArn?: string,
  ) {}

  /** Named `<series>--<date>`: the planner may run twice, the meeting's workflow starts once. */
  startMeeting(id: string): Promise<void> {
    return this.start(this.meetingStateMachineArn, 'MEETING_STATE_MACHINE_ARN', id, { meetingId: id });
  }

  startInputRound(id: string): Promise<void> {
    return this.start(this.inputRoundStateMachineArn, 'INPUT_ROUND_STATE_MACHINE_ARN', id, { inputRoundId: id });
  }

  startRound(roundId: string): Promise<void> {
    return this.start(this.approvalStateMachineArn, 'APPROVAL_STATE_MACHINE_ARN', roundId, { roundId });
  }

  startFollowUp(itemId: string): Promise<void> {
    return this.start(this.followUpStateMachineArn, 'FOLLOW_UP_STATE_MACHINE_ARN', itemId, { itemId });
  }

  private async start(
    arn: string | undefined,
    variable: string,
    name: string,
    input: Record<string, string>,
  ): Promise<void> {
    if (!arn) throw new Error(`${variable} is not set`);
    try {
      // The execution name is the business id: starting the same flow twice starts one workflow.
      await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }));
    } catch (err) {
      if (err instanceof Error && err.name === 'ExecutionAlreadyExists') return;
      throw err;
    }
  }

  async resume(taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Unknown';
      if (name === 'TaskTimedOut' || name === 'TaskDoesNotExist') {
        // The workflow stopped waiting (its timer fired first); it re-reads the round anyway.
        this.log.info('workflow was no longer waiting', { error: name });
        return;
      }
      if (name === 'InvalidToken') {
        // Never expected: a metric filter on this message raises an alarm.
        this.log.error('ALARM invalid task token on resume', { error: name });
        return;
      }
      throw err;
    }
  }
}
