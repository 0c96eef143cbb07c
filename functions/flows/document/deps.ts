/** The documents' composition root, once per cold start: the records, the bucket, the link keys, the clock. */
import { DynamoDocumentStore } from './store';
import { S3FileStore } from './files';
import type { DocumentDeps } from './use-cases';
import { now } from '../../platform/clock';
import { config } from '../../platform/config';
import { linkKeyLoader } from '../../platform/link-keys';

let deps: DocumentDeps | undefined;

export function documentDeps(): DocumentDeps {
  if (!deps) {
    const c = config();
    if (!c.documentsBucket) throw new Error('Missing environment variable DOCUMENTS_BUCKET');
    deps = {
      documents: new DynamoDocumentStore(c.tableName),
      files: new S3FileStore(c.documentsBucket, c.s3PathStyle),
      linkKeys: linkKeyLoader({ secretArn: c.linkKeysSecretArn, file: c.linkKeysFile }),
      now,
    };
  }
  return deps;
}

/** Listing needs only the records: a page that shows a round's documents does not reach S3. */
export const documentRecords = () => ({ documents: new DynamoDocumentStore(config().tableName) });
