import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { NotificationEnv } from './env-notifications.js';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Where the photos of signed pages are kept: `pg` (bytea in document_scan_contents, nothing else
 * to run) or `s3` (an S3-compatible bucket: AWS, MinIO, Ceph…). `Env` extends it, through
 * NotificationEnv's chain (one class for the app; its own file to keep each short).
 */
export class ScanStoreEnv extends NotificationEnv {
  @IsIn(['pg', 's3'])
  SCAN_STORE: 'pg' | 's3' = 'pg';

  /** Unset: AWS's endpoint for S3_REGION. Set for MinIO, Ceph or another S3-compatible server. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'S3_REGION must be a region name like us-east-1' })
  S3_REGION?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, . and -)',
  })
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** `bucket` in the path (`http://host/bucket/key`) instead of the host: MinIO and most others. */
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  /** Prepended to each object's key: `<prefix><scan id>.jpg`. */
  @Matches(/^([A-Za-z0-9!_.*'()-]+\/)*$/, {
    message: 'S3_PREFIX must be empty or folder names each ending in / (e.g. scans/)',
  })
  S3_PREFIX = 'scans/';

  /** Asks the server to encrypt each object at rest (AES256); off for servers that refuse it. */
  @Transform(toBool)
  @IsBoolean()
  S3_SSE = true;
}

/** The variables SCAN_STORE=s3 cannot do without, each named when missing. */
export function scanStoreProblems(env: ScanStoreEnv): string[] {
  if (env.SCAN_STORE !== 's3') return [];
  const required = ['S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  return required.filter((key) => !env[key]).map((key) => `${key}: required when SCAN_STORE is s3`);
}
