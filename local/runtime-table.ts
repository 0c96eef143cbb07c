/** The product's one DynamoDB table on the local stand-in, created as the stack would create it. */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA } from '../functions/platform/table';
import { LOCAL_REGION } from './lambda';
import { TABLE_NAME } from './runtime-constants';

/**
 * Create the table on a fresh data folder and wait until it and its index are ACTIVE. Like DynamoDB,
 * dynalite reports a new table as CREATING for a moment and refuses to read or write it until then.
 */
export async function ensureTable(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const describe = async () => {
    try {
      return (await client.send(new DescribeTableCommand({ TableName: TABLE_NAME }))).Table;
    } catch (err) {
      if (err instanceof ResourceNotFoundException) return undefined;
      throw err;
    }
  };
  try {
    if (!(await describe())) {
      const index = TABLE_SCHEMA.indexes[0];
      await client.send(
        new CreateTableCommand({
          TableName: TABLE_NAME,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            TABLE_SCHEMA.partitionKey,
            TABLE_SCHEMA.sortKey,
            index.partitionKey,
            index.sortKey,
          ].map((n) => ({ AttributeName: n, AttributeType: 'S' })),
          KeySchema: [
            { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            {
              IndexName: index.name,
              Projection: { ProjectionType: 'ALL' },
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
            },
          ],
        }),
      );
    }
    const deadline = Date.now() + 30_000;
    for (;;) {
      const table = await describe();
      const active =
        table?.TableStatus === 'ACTIVE' &&
        (table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
      if (active) return;
      if (Date.now() > deadline) throw new Error(`table ${TABLE_NAME} did not become active within 30 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    client.destroy();
  }
}
