/**
 * The files themselves, in S3: presigned POST forms for uploads (the browser sends the file straight
 * to S3, past the API's 10 MB limit), the object's head and first bytes for the checks, short-lived
 * presigned GET links for downloads, and removal of what was refused. Locally the same calls reach
 * s3rver (AWS_ENDPOINT_URL_S3, path-style addresses).
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { sdkConfig } from '../../platform/clients';
import { MAX_BYTES, SNIFF_BYTES } from './document';

export interface UploadForm {
  url: string;
  /** The form's fields, in order, before the file; the browser adds `Content-Type`, the file name and the file. */
  fields: Record<string, string>;
}

export interface FileStore {
  uploadForm(key: string, opts: { redirectTo?: string; expiresSeconds: number }): Promise<UploadForm>;
  head(key: string): Promise<{ contentType?: string; size: number; sentName?: string } | undefined>;
  firstBytes(key: string): Promise<Uint8Array | undefined>;
  downloadUrl(key: string, opts: { disposition: string; contentType: string; expiresSeconds: number }): Promise<string>;
  remove(key: string): Promise<void>;
  /** A whole file (the board pack reads each document it packs). */
  read(key: string): Promise<Uint8Array>;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
}

const notFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

export class S3FileStore implements FileStore {
  private readonly s3: S3Client;

  constructor(
    private readonly bucket: string,
    pathStyle = false,
  ) {
    this.s3 = new S3Client({ ...sdkConfig(), forcePathStyle: pathStyle });
  }

  async uploadForm(key: string, opts: { redirectTo?: string; expiresSeconds: number }): Promise<UploadForm> {
    // A browser is sent back to the console; an API client gets 201.
    const done: Record<string, string> = opts.redirectTo
      ? { success_action_redirect: opts.redirectTo }
      : { success_action_status: '201' };
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      // S3 refuses a file over the limit before storing it; the check after upload holds it too.
      Conditions: [
        ['content-length-range', 1, MAX_BYTES],
        ['starts-with', '$Content-Type', ''],
        ['starts-with', '$x-amz-meta-filename', ''],
        ...Object.entries(done).map(([k, v]) => ({ [k]: v })),
      ],
      Fields: done,
      Expires: opts.expiresSeconds,
    });
    return { url, fields };
  }

  async head(key: string) {
    try {
      const h = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { contentType: h.ContentType, size: h.ContentLength ?? 0, sentName: h.Metadata?.filename };
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  async firstBytes(key: string) {
    try {
      const res = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }),
      );
      return res.Body ? await res.Body.transformToByteArray() : undefined;
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  downloadUrl(key: string, opts: { disposition: string; contentType: string; expiresSeconds: number }) {
    const get = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: opts.disposition,
      ResponseContentType: opts.contentType,
    });
    return getSignedUrl(this.s3, get, { expiresIn: opts.expiresSeconds });
  }

  async read(key: string) {
    const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return res.Body ? await res.Body.transformToByteArray() : new Uint8Array();
  }

  async put(key: string, bytes: Uint8Array, contentType: string) {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  async remove(key: string) {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
