import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface TestS3 {
  /** SCAN_STORE=s3 and the S3_* variables that reach this server's bucket. */
  env: Record<string, string>;
  client: S3Client;
  bucket: string;
  /** Every key in the bucket. */
  keys: () => Promise<string[]>;
  /** Deletes every object (between tests, as the database is reset). */
  empty: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) in this process, on a free loopback port, its objects in
 * a temporary folder; one bucket. s3rver checks signatures against its own key pair.
 */
export async function startTestS3(bucket = 'mediation-scans'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const env = {
    SCAN_STORE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const keys = async (): Promise<string[]> =>
    ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map(
      (o) => o.Key as string,
    );
  return {
    env,
    client,
    bucket,
    keys,
    empty: async () => {
      for (const Key of await keys())
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
    },
    close: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
