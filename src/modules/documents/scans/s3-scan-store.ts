import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { EntityManager } from 'typeorm';
import type { Env } from '../../../config/env.js';
import { ScanStore } from './scan-store.js';

/** Objects fetched at once by `getMany` (a case file may bind dozens of photos). */
const GET_CONCURRENCY = 8;

/** What S3ScanStore reads of the configuration (validated at boot: scanStoreProblems). */
export type S3ScanConfig = Pick<
  Env,
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_BUCKET'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
  | 'S3_PREFIX'
  | 'S3_SSE'
>;

/**
 * Scan images as objects `<S3_PREFIX><scan id>.jpg` in an S3-compatible bucket, each with its
 * SHA-256 in `x-amz-meta-sha256`. The object cannot join the database transaction that records
 * the scan: `put` comes last in it, and when the transaction then fails the caller `discard`s
 * the object (ScansService.add). An object left behind (the process died between the upload and
 * the commit, or the delete failed) is an orphan no row points to: never served, only stored.
 */
export class S3ScanStore extends ScanStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(private readonly config: S3ScanConfig) {
    super();
    this.bucket = config.S3_BUCKET ?? '';
    this.client = new S3Client({
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials: {
        accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
        secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
      },
      // Checksums only where S3 requires them: many S3-compatible servers refuse the SDK's
      // default streaming (aws-chunked) checksums; the SHA-256 travels in the metadata instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  key(scanId: string): string {
    return `${this.config.S3_PREFIX}${scanId}.jpg`;
  }

  async put(_manager: EntityManager, scanId: string, bytes: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(scanId),
        Body: bytes,
        ContentType: 'image/jpeg',
        ContentLength: bytes.byteLength,
        Metadata: { sha256: createHash('sha256').update(bytes).digest('hex') },
        ...(this.config.S3_SSE ? { ServerSideEncryption: 'AES256' as const } : {}),
      }),
    );
  }

  async discard(scanId: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(scanId) }));
  }

  async get(scanId: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(scanId) }),
      );
      return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : null;
    } catch (err) {
      if (err instanceof NoSuchKey) return null;
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) return null;
      throw err;
    }
  }

  async getMany(scanIds: string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < scanIds.length) {
        const id = scanIds[next++];
        const bytes = await this.get(id);
        if (bytes) out.set(id, bytes);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(GET_CONCURRENCY, scanIds.length) }, () => worker()),
    );
    return out;
  }

  /** HeadBucket: the bucket exists and these credentials reach it. */
  async readiness(timeoutMs: number): Promise<{ name: string; down?: string }> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), {
        abortSignal: AbortSignal.timeout(timeoutMs),
      });
      return { name: 's3' };
    } catch (err) {
      const status = err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
      const reason = status ? `HTTP ${status}` : err instanceof Error ? err.name : 'no answer';
      return { name: 's3', down: `S3 bucket ${this.bucket} does not answer (${reason})` };
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
