// Once per `npm test` run: a fresh, empty test database (migrations run in setup-after-env.ts,
// which goes through ts-jest). Plain JS: Jest loads this file outside its module resolver.
import { existsSync, truncateSync } from 'node:fs';
import pg from 'pg';

export default async function globalSetup() {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/mediation_test';
  process.env.TEST_LOG_FILE ??= `/tmp/mediation-test-${process.pid}.log`;
  const url = new URL(process.env.TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  // Never drop a database that is not obviously a test database.
  if (!/test/.test(name))
    throw new Error(`Refusing to run tests against database "${name}" (name lacks "test")`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  if (existsSync(process.env.TEST_LOG_FILE)) truncateSync(process.env.TEST_LOG_FILE);
}
