import { DEV_JWT_SECRET, DEV_SMS_HMAC_SECRET } from './env.js';
import { validateEnv } from './validate-env.js';

const strongKeys = {
  JWT_SECRET: 'a-real-production-secret-of-sufficient-length-123',
  DATA_ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 7).toString('base64')}`,
  BLIND_INDEX_KEY: 'a-real-blind-index-key-of-sufficient-length-456',
  SMS_HMAC_SECRET: 'a-real-sms-gateway-secret-of-sufficient-length',
  COURT_WEBHOOK_SECRET: 'a-real-court-webhook-secret-of-sufficient-length',
};

describe('configuration validation', () => {
  it('gives defaults that run a developer machine', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DB_SYNCHRONIZE).toBe(false);
  });

  it('converts types', () => {
    expect(validateEnv({ PORT: '8080', TRUST_PROXY: 'true' })).toMatchObject({
      PORT: 8080,
      TRUST_PROXY: true,
    });
  });

  it('names every bad variable', () => {
    expect(() =>
      validateEnv({ PORT: 'eighty', REDIS_URL: 'localhost', DATABASE_URL: 'mysql://x' }),
    ).toThrow(/PORT[\s\S]*(REDIS_URL|DATABASE_URL)[\s\S]*(REDIS_URL|DATABASE_URL)/);
    expect(() => validateEnv({ DATA_ENCRYPTION_KEYS: 'k1:short' })).toThrow(/DATA_ENCRYPTION_KEYS/);
    expect(() => validateEnv({ BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD/,
    );
  });

  it('reminder settings: durations, quiet hours, an SMS URL for the http driver', () => {
    expect(() => validateEnv({ REMINDER_SESSION_LEADS: '24 hours' })).toThrow(
      /REMINDER_SESSION_LEADS/,
    );
    expect(() => validateEnv({ SMS_QUIET_HOURS: '21-8' })).toThrow(/SMS_QUIET_HOURS/);
    expect(() => validateEnv({ SMS_DRIVER: 'http' })).toThrow(/SMS_HTTP_URL/);
    expect(
      validateEnv({ SMS_QUIET_HOURS: 'off', REMINDER_DEADLINE_LEADS: '5d,12h' }),
    ).toMatchObject({ SMS_QUIET_HOURS: 'off', REMINDER_DEADLINE_LEADS: '5d,12h' });
  });

  it('never allows synchronize', () => {
    expect(() => validateEnv({ DB_SYNCHRONIZE: 'true' })).toThrow(/DB_SYNCHRONIZE/);
  });

  it('refuses default secrets in production, one message per variable', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET[\s\S]*DATA_ENCRYPTION_KEYS[\s\S]*BLIND_INDEX_KEY[\s\S]*SMS_HMAC_SECRET[\s\S]*COURT_WEBHOOK_SECRET/,
    );
    expect(() =>
      validateEnv({ NODE_ENV: 'production', ...strongKeys, SMS_HMAC_SECRET: DEV_SMS_HMAC_SECRET }),
    ).toThrow(/SMS_HMAC_SECRET/);
    expect(() =>
      validateEnv({ NODE_ENV: 'production', ...strongKeys, JWT_SECRET: DEV_JWT_SECRET }),
    ).toThrow(/JWT_SECRET/);
    expect(validateEnv({ NODE_ENV: 'production', ...strongKeys }).NODE_ENV).toBe('production');
  });

  it('the scan store: pg by default; s3 names each variable it lacks', () => {
    expect(validateEnv({})).toMatchObject({ SCAN_STORE: 'pg', S3_PREFIX: 'scans/', S3_SSE: true });
    const s3 = {
      SCAN_STORE: 's3',
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'court-scans',
      S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(validateEnv({ ...s3, S3_FORCE_PATH_STYLE: 'true', S3_SSE: 'false' })).toMatchObject({
      SCAN_STORE: 's3',
      S3_FORCE_PATH_STYLE: true,
      S3_SSE: false,
    });
    expect(() => validateEnv({ ...s3, S3_BUCKET: '' })).toThrow(
      /S3_BUCKET: required when SCAN_STORE is s3/,
    );
    expect(() => validateEnv({ SCAN_STORE: 's3' })).toThrow(
      /S3_REGION[\s\S]*S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
    expect(() => validateEnv({ ...s3, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => validateEnv({ ...s3, S3_PREFIX: '/scans' })).toThrow(/S3_PREFIX/);
    expect(() => validateEnv({ SCAN_STORE: 'disk' })).toThrow(/SCAN_STORE/);
  });
});
