/** Starting and resuming workflows in Step Functions. */
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../lib/clients';
import type { Log, WorkflowGateway } from '../services/ports';

export class SfnGateway implements WorkflowGateway {
  constructor(private readonly approvalStateMachineArn: string | undefined, private readonly log: Log) {}

  async startRound(roundId: string): Promise<void> {
    if (!this.approvalStateMachineArn) throw new Error('APPROVAL_STATE_MACHINE_ARN is not set');
    try {
      // The execution name is the round id: starting the same round twice starts one workflow.
      await sfn.send(new StartExecutionCommand({ stateMachineArn: this.approvalStateMachineArn, name: roundId, input: JSON.stringify({ roundId }) }));
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
