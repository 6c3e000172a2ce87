/** The environment every test runs with. The global setup fixes the database URL and log file. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mediation_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
export const TEST_LOG_FILE = process.env.TEST_LOG_FILE ?? `/tmp/mediation-test-${process.pid}.log`;

export function applyTestEnv(): void {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'info',
    LOG_FILE: TEST_LOG_FILE,
    DB_POOL_SIZE: '10',
    THROTTLE_LIMIT_PER_MINUTE: '100000',
    LOGIN_THROTTLE_LIMIT_PER_MINUTE: '100000',
    OUTBOX_POLL_MS: '100',
    OUTBOX_RECONCILE_MS: '600000',
    SHUTDOWN_TIMEOUT_MS: '5000',
    // Workers started by tests serve no metrics unless a test gives them a port.
    WORKER_METRICS_PORT: '0',
  });
}
