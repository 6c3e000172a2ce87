/**
 * What the reminder bench and the Redis chaos run share: a private redis-server (never the shared
 * one), a recreated database with the service's migrations, the worker's Nest context in this
 * process, and cases with sessions seeded by SQL (the workflow is not what is measured here).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { runMigrations } from '../src/boot.js';
import { FieldCipher } from '../src/common/crypto/field-cipher.js';
import { loadEnv, resetEnvCache } from '../src/config/config.module.js';
import { WorkerAppModule } from '../src/worker.module.js';
import { recreateDatabase } from './support.js';

// The tests' private redis-server: its own port, stopped, restarted and flushed at will.
export { freePort, PrivateRedis } from '../test/support/redis-server.js';

export const BENCH_DB = 'mediation_bench_reminders';

/** Recreates the database, migrates it and starts the worker's context against `redisUrl`. */
export async function startService(
  redisUrl: string,
  env: Record<string, string>,
): Promise<{ app: INestApplicationContext; ds: DataSource; cipher: FieldCipher }> {
  await recreateDatabase(BENCH_DB);
  Object.assign(process.env, {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${BENCH_DB}`,
    REDIS_URL: redisUrl,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    SMS_QUIET_HOURS: 'off',
    WORKER_METRICS_PORT: '0',
    ...env,
  });
  resetEnvCache();
  await runMigrations(loadEnv());
  const app = await NestFactory.createApplicationContext(WorkerAppModule, { logger: ['error'] });
  app.enableShutdownHooks();
  await app.init();
  return { app, ds: app.get(DataSource), cipher: app.get(FieldCipher) };
}

export interface Seeded {
  caseIds: string[];
  mediatorId: string;
}

/**
 * `count` cases in mediation in one village, each with two parties and one session at
 * `sessionAt(i)`; with `phone`, the parties and the mediator have one (a session then plans, per
 * lead, the mediator in-app and by SMS and each party by SMS); the deadline is left empty so only
 * session reminders are planned.
 */
export async function seedCases(
  ds: DataSource,
  cipher: FieldCipher,
  count: number,
  sessionAt: (i: number) => Date,
  phone: string | null,
): Promise<Seeded> {
  const encrypted = phone ? cipher.encrypt(phone) : null;
  const [city] = await ds.query(
    `INSERT INTO regions (code, name, level, path, depth) VALUES ('370200000000', '青岛市', 'city', '370200000000', 0) RETURNING id, path`,
  );
  const [village] = await ds.query(
    `INSERT INTO regions (code, name, level, path, depth, parent_id) VALUES ('370281105201', '胶西村', 'village', $1, 1, $2) RETURNING id, path`,
    [`${city.path}.370281105201`, city.id],
  );
  const [court] = await ds.query(
    `INSERT INTO courts (code, designator, name, region_id) VALUES ('J37', '鲁0281', '胶州市人民法院', $1) RETURNING id`,
    [city.id],
  );
  const [mediator] = await ds.query(
    `INSERT INTO users (username, password_hash, display_name, role, region_id, phone_encrypted)
     VALUES ('bench-mediator', 'x', '王芳', 'mediator', $1, $2) RETURNING id`,
    [village.id, encrypted],
  );
  const cases: { id: string }[] = await ds.query(
    `INSERT INTO cases (case_number, court_id, year, sequence, mediation_kind, dispute_type, source, summary, claims,
                        received_at, region_id, region_path, status, mediator_id, accepted_at, created_by)
     SELECT '（2026）鲁0281民诉前调' || g || '号', $1, 2026, g, 'pre_filing', 'divorce', 'court_referral', '-', '-',
            now(), $2, $3, 'in_mediation', $4, now(), $4
       FROM generate_series(1, $5) AS g ORDER BY g RETURNING id`,
    [court.id, village.id, village.path, mediator.id, count],
  );
  const ids = cases.map((c) => c.id);
  await ds.query(
    `INSERT INTO parties (case_id, role, name, gender, id_number_encrypted, id_number_index, id_number_masked, birth_date, phone_encrypted)
     SELECT c, r, n, g, 'x', repeat('0', 64), '370281********0000', '1990-01-01', $2
       FROM unnest($1::uuid[]) AS c,
            (VALUES ('applicant', '张丽华', 'female'), ('respondent', '李明', 'male')) AS p(r, n, g)`,
    [ids, encrypted],
  );
  await ds.query(
    `INSERT INTO case_sessions (case_id, mediator_id, scheduled_at, location, mode, format)
     SELECT c, $2, s, '百合调解室', 'in_person', 'joint' FROM unnest($1::uuid[], $3::timestamptz[]) AS t(c, s)`,
    [ids, mediator.id, ids.map((_, i) => sessionAt(i))],
  );
  return { caseIds: ids, mediatorId: mediator.id };
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
