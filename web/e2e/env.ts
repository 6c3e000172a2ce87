/**
 * Where the browser tests run: every value from env, so each engineer's copy uses its own port,
 * database and Redis db. The database is dropped and re-created at each run (start-server.mjs).
 */
export const WEB_TEST = {
  port: Number(process.env.WEB_TEST_PORT ?? 3100),
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  },
  databaseUrl:
    process.env.WEB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mediation_web_test',
  redisUrl: process.env.WEB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/13',
  adminPassword: 'web-test-admin-password',
};
