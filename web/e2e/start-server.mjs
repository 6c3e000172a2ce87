// Playwright's webServer: a fresh database and Redis db, then the built `npm start` process
// (dist/src/all-in-one.js: migrations, API, worker and the web app in one process).
import { spawn } from 'node:child_process';
import pg from 'pg';
import { Redis } from 'ioredis';

const port = process.env.WEB_TEST_PORT ?? '3100';
const databaseUrl =
  process.env.WEB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mediation_web_test';
const redisUrl = process.env.WEB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/13';

const url = new URL(databaseUrl);
const name = url.pathname.slice(1);
if (!/test/.test(name)) throw new Error(`refusing to drop "${name}": its name lacks "test"`);
url.pathname = '/postgres';
const admin = new pg.Client({ connectionString: url.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();

const redis = new Redis(redisUrl);
await redis.flushdb();
redis.disconnect();

const server = spawn('node', ['dist/src/all-in-one.js'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: port,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    BOOTSTRAP_ADMIN_PASSWORD: 'web-test-admin-password',
    LOG_LEVEL: 'warn',
    // One worker of tests logs in a handful of times; the login budget must not end the run.
    LOGIN_THROTTLE_LIMIT_PER_MINUTE: '1000',
    THROTTLE_LIMIT_PER_MINUTE: '100000',
  },
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
