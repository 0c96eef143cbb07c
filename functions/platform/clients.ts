/**
 * AWS SDK clients, created once per module load. Endpoints come from the SDK's standard
 * variables (AWS_ENDPOINT_URL_DYNAMODB, _SESV2, _SFN), which is how local mode points the
 * unchanged handlers at the local stand-ins.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';

/**
 * Without timeouts the SDK waits for a black-holed endpoint until the function itself times out
 * (29 s for the APIs), so a short outage became a failed step. Every call now fails within
 * ATTEMPTS × (CONNECT + REQUEST) plus the backoff between them, about 16 s, well under the
 * shortest function timeout that calls a store or mail; an endpoint that refuses fails in about a second.
 */
export const SDK_TIMEOUTS = { connectMs: 1_000, requestMs: 5_000, attempts: 3 } as const;

/**
 * The SDK's standard retry mode: network errors, timeouts, throttling and 5xx are retried with
 * exponential backoff and jitter, up to `attempts` tries in all; the workflows retry beyond that.
 */
export function sdkConfig() {
  return {
    maxAttempts: SDK_TIMEOUTS.attempts,
    retryMode: 'standard',
    // The options, not a NodeHttpHandler: the client builds its own handler from them, so the
    // bundle does not carry a second copy of the SDK's HTTP stack (about 120 KB).
    requestHandler: {
      connectionTimeout: SDK_TIMEOUTS.connectMs,
      requestTimeout: SDK_TIMEOUTS.requestMs,
      // Without this the SDK only logs a warning when the request timeout passes, and waits on.
      throwOnRequestTimeout: true,
    },
  };
}

/** The plain client, for libraries that marshal items themselves (Powertools idempotency). */
export const dynamoRaw = new DynamoDBClient(sdkConfig());
export const dynamo = DynamoDBDocumentClient.from(dynamoRaw, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
});
export const ses = new SESv2Client(sdkConfig());
export const sfn = new SFNClient(sdkConfig());
export const secrets = new SecretsManagerClient(sdkConfig());
