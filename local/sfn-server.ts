/**
 * The Step Functions API over HTTP (AWS JSON 1.0), so that the unchanged @aws-sdk/client-sfn
 * and the AWS CLI can talk to the local stand-in.
 */
import { createServer, type Server } from 'node:http';
import { operations } from './sfn/api';
import { type LocalStepFunctions, SfnError } from './stepfunctions';

export function startSfnServer(sfn: LocalStepFunctions, port: number, host = '127.0.0.1'): Promise<Server> {
  const ops = operations(sfn);
  const supported = Object.keys(ops).join(', ');
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
      if (req.method !== 'POST' || !op) {
        const message = `The local stand-in does not support ${target || 'this request'}; it supports ${supported}`;
        return reply(400, { __type: 'UnknownOperationException', message }, 'UnknownOperationException');
      }
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
