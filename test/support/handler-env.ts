/** Environment for handler tests: the configuration Lambda would get, and a link key on disk. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LINK_KEYS = { current: 'test-1', 'test-1': 'a-test-key-that-is-at-least-32-characters-long' };

export function setHandlerEnv(): void {
  const dir = mkdtempSync(join(tmpdir(), 'handler-test-'));
  const file = join(dir, 'link-keys.json');
  writeFileSync(file, JSON.stringify(LINK_KEYS));
  Object.assign(process.env, {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    TABLE_NAME: 'table',
    MAIL_FROM: 'noreply@example.org',
    OFFICE_EMAIL: 'office@example.org',
    PUBLIC_BASE_URL: 'https://alliantie.example.org',
    LINK_KEYS_FILE: file,
    APPROVAL_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:approval',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
}

export function httpEvent(
  routeKey: string,
  options: {
    path?: string;
    pathParameters?: Record<string, string>;
    body?: string;
    query?: Record<string, string>;
    contentType?: string;
  } = {},
) {
  const [method, path] = routeKey.split(' ');
  return {
    version: '2.0',
    routeKey,
    rawPath: options.path ?? path,
    rawQueryString: '',
    headers: { 'content-type': options.contentType ?? 'application/json' },
    queryStringParameters: options.query,
    pathParameters: options.pathParameters,
    body: options.body,
    isBase64Encoded: false,
    requestContext: {
      http: { method, path: options.path ?? path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r',
      routeKey,
      authorizer: { jwt: { claims: { sub: 'u1', 'cognito:username': 'office' } } },
    },
  } as any;
}

export const lambdaContext = {
  awsRequestId: 'req',
  functionName: 'test',
  getRemainingTimeInMillis: () => 10_000,
} as any;
