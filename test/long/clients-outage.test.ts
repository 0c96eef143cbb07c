/**
 * The SDK clients give up on an unreachable endpoint in seconds, with the SDK's own retries,
 * instead of waiting until the function times out. Two local TCP servers stand in for an outage:
 * a black hole (accepts the connection and never answers) and a port that refuses.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';

let blackHole: Server;
let connections = 0;
const sockets: Socket[] = [];
let refusedPort = 0;

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  blackHole = createServer((socket) => {
    connections += 1;
    sockets.push(socket);
  });
  const holePort = await listen(blackHole);
  // A port that was just free and is closed again: connecting to it is refused.
  const closed = createServer();
  refusedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${holePort}`,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${refusedPort}`,
  });
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => blackHole.close(resolve));
});

const email = new SendEmailCommand({
  FromEmailAddress: 'noreply@example.org',
  Destination: { ToAddresses: ['a@example.org'] },
  Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
});

async function timed(call: () => Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const start = Date.now();
  const error = await call().then(
    () => new Error('answered'),
    (err: Error) => err,
  );
  return { error, ms: Date.now() - start };
}

describe('SDK clients under an outage', () => {
  it('a black-holed endpoint fails in seconds after the SDK retried it, well under the 29 s of an API', async () => {
    const { ses, SDK_TIMEOUTS } = await import('../../functions/platform/clients');
    const { error, ms } = await timed(() => ses.send(email));
    expect(error.name).toBe('TimeoutError');
    expect(connections).toBe(SDK_TIMEOUTS.attempts);
    expect(SDK_TIMEOUTS.attempts).toBeGreaterThan(1);
    expect(ms).toBeGreaterThanOrEqual(SDK_TIMEOUTS.attempts * SDK_TIMEOUTS.requestMs - 100);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);

  it('a refusing endpoint fails within a few seconds, after the retries', async () => {
    const { dynamoRaw, SDK_TIMEOUTS } = await import('../../functions/platform/clients');
    const { error, ms } = await timed(() =>
      dynamoRaw.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } })),
    );
    const failed = error as Error & { code?: string; $metadata?: { attempts?: number } };
    expect(failed.code).toBe('ECONNREFUSED');
    expect(failed.$metadata?.attempts).toBe(SDK_TIMEOUTS.attempts);
    expect(ms).toBeLessThan(5_000);
  }, 30_000);
});
