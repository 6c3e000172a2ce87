import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { ScanStoreEnv } from './env-scans.js';

export { DEV_COURT_WEBHOOK_SECRET, DEV_SMS_HMAC_SECRET } from './env-notifications.js';

/** Defaults that are fine on a developer's machine and refused in production. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';
export const DEV_DATA_KEYS = 'k1:ZGV2LW9ubHktZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=';
export const DEV_BLIND_INDEX_KEY = 'dev-only-blind-index-key-change-me-0123456789';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** The legal clock's default days from acceptance: 委派 (pre-filing) 30, 委托 (entrusted) 15. */
export const MEDIATION_DAYS = { pre_filing: 30, entrusted: 15 } as const;

/**
 * Every environment variable the service reads, validated once at boot (the notifications' in
 * NotificationEnv, the scan store's in ScanStoreEnv). `.env.example` documents each of them; keep the two in step.
 */
export class Env extends ScanStoreEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Write logs to this file instead of stdout (the tests read it back). */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** Behind a reverse proxy: take the client IP from X-Forwarded-For. */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Unset: PostgreSQL on 127.0.0.1:5432 if it answers, else the embedded server. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_NAME must be a plain identifier' })
  DATABASE_NAME = 'mediation';

  @IsString()
  EMBEDDED_PG_DIR = 'data/postgres';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30000;

  /** Exists only so that turning it on is refused loudly: the schema changes through migrations. */
  @Transform(toBool)
  @IsBoolean()
  DB_SYNCHRONIZE = false;

  @Transform(toBool)
  @IsBoolean()
  RUN_MIGRATIONS = false;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * The prefix of every BullMQ key (queues, workers, the dashboard, the scripts). Unset: derived
   * from this database's deployment id (`mediation-<uuid>`), so deployments sharing one Redis never
   * share queues. At start the service claims `<prefix>:deployment` and refuses to start if
   * another deployment holds it.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.{}-]{1,64}$/, {
    message: 'QUEUE_PREFIX must be 1-64 letters, digits or _ . - { }',
  })
  QUEUE_PREFIX?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @IsString()
  JWT_ISSUER = 'family-mediation';

  @IsString()
  JWT_AUDIENCE = 'family-mediation-api';

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TTL_DAYS = 14;

  /**
   * A spent refresh token presented again this soon, while the token it was exchanged for is still
   * unused, is a retry whose answer was lost (a village phone's signal): answered with a new pair
   * instead of revoking the session as a copied token. 0 turns it off.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600)
  REFRESH_RETRY_GRACE_SECONDS = 60;

  /** `keyId:base64(32 bytes)` pairs, comma separated; the first is used to encrypt. */
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]+:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'DATA_ENCRYPTION_KEYS must be keyId:base64(32 bytes)[,keyId:base64(32 bytes)…]',
  })
  DATA_ENCRYPTION_KEYS = DEV_DATA_KEYS;

  @IsString()
  @MinLength(32, { message: 'BLIND_INDEX_KEY must be at least 32 characters' })
  BLIND_INDEX_KEY = DEV_BLIND_INDEX_KEY;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** A TrueType face for document text (e.g. a licensed FangSong); default Noto Serif SC 400. */
  @IsOptional()
  @IsString()
  PDF_FONT_PATH?: string;

  /** The bold face for titles; default Noto Serif SC 700 (or PDF_FONT_PATH when only it is set). */
  @IsOptional()
  @IsString()
  PDF_FONT_BOLD_PATH?: string;

  /**
   * Worker threads rendering PDFs off the event loop; 0 renders in the calling thread. One per
   * core the API process does not need: on 2 cores shared with a worker process, 1.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(16)
  PDF_RENDER_THREADS = 1;

  /**
   * The largest photo of a signed page accepted by `POST /documents/:id/scans`, in bytes (a phone's
   * JPEG is 2–5 MB); larger is refused with 413 before it is decoded.
   */
  @Type(() => Number)
  @IsInt()
  @Min(64 * 1024)
  @Max(64 * 1024 * 1024)
  SCAN_MAX_BYTES = 8 * 1024 * 1024;

  /**
   * Megabytes of computed statistics answers each API process keeps, served again while the cases
   * they count are unchanged (checked on every request); 0 keeps none.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4096)
  STATS_CACHE_MB = 64;

  /** Comma-separated origins allowed by CORS; empty allows none. */
  @IsString()
  CORS_ORIGINS = '';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_MINUTES = 15;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT_PER_MINUTE = 300;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_LIMIT_PER_MINUTE = 20;

  @Type(() => Number)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 500;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  OUTBOX_RECONCILE_MS = 60000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** The legal clock: days from acceptance for 委派 (pre-filing) and 委托 (entrusted) mediation. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  MEDIATION_DAYS_PRE_FILING = MEDIATION_DAYS.pre_filing;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  MEDIATION_DAYS_ENTRUSTED = MEDIATION_DAYS.entrusted;

  /** Total extension allowed per case, with both parties' consent. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  EXTENSION_CAP_DAYS = 30;

  /** How often the worker closes cases past their deadline. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3600)
  EXPIRY_SWEEP_SECONDS = 60;

  /**
   * Hours an `Idempotency-Key` (and the answer it replays) is kept; an hourly job deletes older
   * ones. A phone's outbox must send a queued write again within this window for the replay to
   * be recognised; later, the key is new again.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(8760)
  IDEMPOTENCY_KEY_TTL_HOURS = 72;

  /** BullMQ job lock: a job whose worker died runs again after about this long. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  WORKER_LOCK_MS = 30000;

  /**
   * The worker process serves its Prometheus metrics (reminders sent, failed, re-driven, lateness;
   * queue depths, outbox backlog) on this port at `/metrics`; 0: none. The all-in-one start
   * serves them on the API's `/metrics` instead.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT = 9464;
}
