/**
 * What the product keeps: the single table and the link-signing keys. Both are retained when the
 * stack goes, because rounds, decisions and links in flight must outlive a redeploy.
 */
import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { TABLE_SCHEMA, TTL_ATTRIBUTE } from '../functions/platform/table';

export function createTable(stack: Stack): TableV2 {
  const index = TABLE_SCHEMA.indexes[0];
  return new TableV2(stack, 'Table', {
    partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
    sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
    globalSecondaryIndexes: [
      {
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      },
    ],
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    encryption: TableEncryptionV2.awsManagedKey(),
    // Idempotency records (IDEMPOTENCY#…) carry an expiry; DynamoDB removes them after it.
    timeToLiveAttribute: TTL_ATTRIBUTE,
  });
}

export function createLinkKeys(stack: Stack): Secret {
  return new Secret(stack, 'LinkSigningKeys', {
    description:
      'HMAC keys for decision links: {"current":"k1","k1":"..."}; ' + 'rotate by adding a key and making it current',
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ current: 'k1' }),
      generateStringKey: 'k1',
      passwordLength: 64,
      excludePunctuation: true,
    },
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
