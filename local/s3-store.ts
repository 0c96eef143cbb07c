/**
 * S3 on this machine: s3rver, a real S3-compatible server (signatures checked, objects on disk under
 * the data folder, so uploads survive a restart). It knows one key pair of its own; the handlers sign
 * with the local credentials (`local`/`local`), so that pair is added to its account before it starts.
 * The bucket gets the same CORS rule as in the cloud (infra/documents.ts): the console's origin may
 * upload and read.
 */
import { createRequire } from 'node:module';
import S3rver from 's3rver';

export const DOCUMENTS_BUCKET = 'alliance-cycle-documents';

interface Account {
  createKeyPair(accessKeyId: string, secret: string): void;
}

function allowLocalKeys(): void {
  const require = createRequire(import.meta.url);
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: Account };
  DUMMY_ACCOUNT.createKeyPair('local', 'local');
}

const cors = (origin: string) => `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>${origin}</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export async function startS3(opts: { directory: string; port: number }): Promise<{ s3: S3rver; port: number }> {
  allowLocalKeys();
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: opts.port,
    silent: true,
    directory: opts.directory,
    // Path-style addresses (localhost/<bucket>/<key>): localhost has no subdomains for buckets.
    vhostBuckets: false,
    // Any local origin: the console's port is chosen at start, after this server.
    configureBuckets: [{ name: DOCUMENTS_BUCKET, configs: [cors('*')] }],
  });
  const { port } = await s3.run();
  return { s3, port };
}
