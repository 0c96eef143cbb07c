/**
 * The Step Functions API over HTTP (AWS JSON 1.0), so that the unchanged @aws-sdk/client-sfn
 * and the AWS CLI can talk to the local stand-in.
 */
import { createServer, type Server } from 'node:http';
import { type ExecutionRecord, type LocalStepFunctions, SfnError } from './stepfunctions';

const seconds = (ms?: number) => (ms === undefined ? undefined : ms / 1000);

function describe(e: ExecutionRecord) {
  return {
    executionArn: e.executionArn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: seconds(e.startDate),
    stopDate: seconds(e.stopDate),
    input: e.input,
    output: e.output,
    error: e.error,
    cause: e.cause,
  };
}

type Body = Record<string, any>;

function operations(sfn: LocalStepFunctions): Record<string, (b: Body) => unknown> {
  return {
    StartExecution: (b) => {
      const e = sfn.startExecution(b.stateMachineArn, b.name, b.input);
      return { executionArn: e.executionArn, startDate: seconds(e.startDate) };
    },
    DescribeExecution: (b) => describe(sfn.describeExecution(b.executionArn)),
    ListExecutions: (b) => {
      const all = sfn.listExecutions(b.stateMachineArn, b.statusFilter);
      const start = b.nextToken ? Number(b.nextToken) : 0;
      const size = b.maxResults || 100;
      const page = all.slice(start, start + size);
      return {
        executions: page.map((e) => ({
          executionArn: e.executionArn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: e.status,
          startDate: seconds(e.startDate),
          stopDate: seconds(e.stopDate),
        })),
        nextToken: start + size < all.length ? String(start + size) : undefined,
      };
    },
    StopExecution: (b) => ({ stopDate: seconds(sfn.stopExecution(b.executionArn, b.error, b.cause).stopDate) }),
    SendTaskSuccess: (b) => (sfn.sendTaskSuccess(b.taskToken, b.output), {}),
    SendTaskFailure: (b) => (sfn.sendTaskFailure(b.taskToken, b.error, b.cause), {}),
    SendTaskHeartbeat: (b) => (sfn.sendTaskHeartbeat(b.taskToken), {}),
  };
}

export function startSfnServer(sfn: LocalStepFunctions, port: number, host = '127.0.0.1'): Promise<Server> {
  const ops = operations(sfn);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown, type?: string) => {
        res.writeHead(status, {
          'content-type': 'application/x-amz-json-1.0',
          ...(type ? { 'x-amzn-errortype': type } : {}),
        });
        res.end(JSON.stringify(body));
      };
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = ops[target.replace(/^AWSStepFunctions\./, '')];
      if (req.method !== 'POST' || !op)
        return reply(
          400,
          { __type: 'UnknownOperationException', message: `Unsupported operation ${target}` },
          'UnknownOperationException',
        );
      try {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        reply(200, op(body));
      } catch (err) {
        const code =
          err instanceof SfnError
            ? err.code
            : err instanceof SyntaxError
              ? 'SerializationException'
              : 'InternalFailure';
        reply(code === 'InternalFailure' ? 500 : 400, { __type: code, message: (err as Error).message }, code);
      }
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
