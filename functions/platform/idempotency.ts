/**
 * Safe retries for every creating POST: a request sent again with the same `Idempotency-Key`
 * header answers what the first one answered (same status, same body) and creates nothing;
 * the same key with a different request is refused with 409. Powertools' idempotency utility
 * keeps one record per caller and key in the project's table (IDEMPOTENCY#<scope>, with a TTL)
 * and compares a hash of the whole validated request with the one it stored.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { IDEMPOTENCY_PREFIX, TABLE_SCHEMA, TTL_ATTRIBUTE } from './table';
import { BusyError, ConflictError, KEY_REUSED_MESSAGE, ValidationError } from './errors';
import { dynamoRaw } from './clients';
import { config } from './config';
import { json, type HttpEvent, type HttpResult } from './http';

/** How long a key is remembered: long enough for any retry, short enough to keep the table small. */
export const IDEMPOTENCY_SECONDS = 24 * 3600;

/** What is hashed: the caller and the key name the record, the validated request is compared. */
interface Attempt {
  actor: string;
  key: string;
  request: unknown;
}
interface Answer {
  statusCode: number;
  body: string;
}

type Run = (attempt: Attempt, create: () => Promise<Answer>) => Promise<Answer>;
const runners = new Map<string, { run: Run; settings: IdempotencyConfig }>();

// One persistence layer per scope: Powertools configures a layer once and keys its records by scope.
function runnerFor(scope: string) {
  let runner = runners.get(scope);
  if (!runner) {
    const settings = new IdempotencyConfig({
      eventKeyJmesPath: '[actor, key]',
      payloadValidationJmesPath: 'request',
      expiresAfterSeconds: IDEMPOTENCY_SECONDS,
    });
    const persistenceStore = new DynamoDBPersistenceLayer({
      tableName: config().tableName,
      awsSdkV3Client: dynamoRaw,
      keyAttr: TABLE_SCHEMA.partitionKey,
      sortKeyAttr: TABLE_SCHEMA.sortKey,
      staticPkValue: `${IDEMPOTENCY_PREFIX}${scope}`,
      expiryAttr: TTL_ATTRIBUTE,
    });
    const attempt = (_attempt: Attempt, create: () => Promise<Answer>) => create();
    const run = makeIdempotent(attempt, { persistenceStore, config: settings, keyPrefix: scope });
    runner = { run, settings };
    runners.set(scope, runner);
  }
  return runner;
}

/** The header's value, checked; undefined when the caller sent none. */
export function idempotencyKey(event: HttpEvent): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key !== undefined && !/^[\x21-\x7e]{1,100}$/.test(key)) {
    throw new ValidationError({ 'Idempotency-Key': 'use 1 to 100 visible characters' });
  }
  return key;
}

/**
 * Run `create` once per caller and key. `request` is the validated request (after the schema's
 * defaults and cleaning), so two bodies that mean the same thing count as the same request.
 * Without a key, `create` simply runs. A failed attempt leaves no record: it may be retried.
 */
export async function once(
  scope: string,
  key: string | undefined,
  actor: string,
  request: unknown,
  context: Context | undefined,
  create: () => Promise<HttpResult>,
): Promise<HttpResult> {
  if (key === undefined) return create();
  const { run, settings } = runnerFor(scope);
  // A crashed attempt holds its key only until its Lambda would have timed out.
  if (context?.getRemainingTimeInMillis) settings.registerLambdaContext(context);
  try {
    const answer = await run({ actor, key, request }, async () => {
      const result = await create();
      return { statusCode: result.statusCode, body: String(result.body ?? '') };
    });
    return { ...json(answer.statusCode, null), body: answer.body };
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'IdempotencyValidationError') {
      throw new ConflictError(KEY_REUSED_MESSAGE);
    }
    if (name === 'IdempotencyAlreadyInProgressError') {
      throw new BusyError('A request with this Idempotency-Key is still being handled. Try again in a moment.');
    }
    throw err;
  }
}
