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

// Throttling is retried by the SDK with exponential backoff and jitter; five tries in all.
const retry = { maxAttempts: 5 };

/** The plain client, for libraries that marshal items themselves (Powertools idempotency). */
export const dynamoRaw = new DynamoDBClient(retry);
export const dynamo = DynamoDBDocumentClient.from(dynamoRaw, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
});
export const ses = new SESv2Client(retry);
export const sfn = new SFNClient(retry);
export const secrets = new SecretsManagerClient(retry);
