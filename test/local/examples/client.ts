/** AWS's example state machines through the stand-in's API, with the unchanged @aws-sdk/client-sfn. */
import type { AddressInfo } from 'node:net';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { startSfnServer } from '../../../local/sfn-server';
import { standIn } from '../support';

/** A function of an example, stood in locally; its ARN ends in its name, as the product's do. */
export const fn = (name: string) => `arn:aws:lambda:eu-west-1:000000000000:function:${name}`;

export async function examples(fns: Parameters<typeof standIn>[0]) {
  const t = standIn(fns);
  const server = await startSfnServer(t.sfn, 0);
  const client = new SFNClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let n = 0;
  /** CreateStateMachine + StartExecution, as a developer would run the example. */
  const run = async (definition: object, input: object) => {
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({
        name: `example-${++n}`,
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::000000000000:role/example',
      }),
    );
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
    );
    return executionArn!;
  };
  const describe = async (executionArn: string) => {
    await t.settle();
    return client.send(new DescribeExecutionCommand({ executionArn }));
  };
  const history = async (executionArn: string) =>
    (await client.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
  const close = () => server.close();
  return { t, client, run, describe, history, close };
}
