/**
 * The documents bucket: files for rounds, agenda items, minutes and input rounds. Private (every
 * public access blocked, objects owned by the bucket), encrypted with S3-managed keys, TLS only,
 * versioned so an overwrite or delete can be undone for a while. Files reach it only through
 * presigned forms and links made by the functions with `documents` access; CORS lets the console's
 * origin post a form and read. Access logs go to a bucket of their own.
 */
import { Duration, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';

/** How long a file is kept: the alliance's working cycle is four years (SPUK 2026-2028 and its report). */
export const DOCUMENT_RETENTION_DAYS = 7 * 365;

export function createDocumentsBucket(stack: Stack, consoleOrigin: string): Bucket {
  const logs = new Bucket(stack, 'DocumentsAccessLogs', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
  });
  return new Bucket(stack, 'Documents', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 'documents/',
    cors: [
      {
        allowedOrigins: [consoleOrigin],
        allowedMethods: [HttpMethods.POST, HttpMethods.PUT, HttpMethods.GET],
        allowedHeaders: ['*'],
        maxAge: 3000,
      },
    ],
    lifecycleRules: [
      // Board packs are built again from the documents when asked for: a week is enough.
      { id: 'expire-board-packs', prefix: 'documents/packs/', expiration: Duration.days(7) },
      // A form posted half-way leaves parts behind that nobody sees; remove them after a day.
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      {
        id: 'retention',
        transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
        expiration: Duration.days(DOCUMENT_RETENTION_DAYS),
        // A refused upload is deleted at once; its old version goes after 30 days.
        noncurrentVersionExpiration: Duration.days(30),
      },
    ],
  });
}
