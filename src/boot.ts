import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { systemContext } from './common/context/request-context.js';
import { createPino, PinoLoggerService } from './common/logging/logger.js';
import { loadEnv } from './config/config.module.js';
import type { Env } from './config/env.js';
import { databaseFor } from './database/database-url.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { UsersService } from './modules/users/users.service.js';
import { DeploymentConflictError } from './queue/deployment.service.js';
import type { INestApplicationContext } from '@nestjs/common';

const logger = new Logger('Boot');

/** Validated config, or a message naming the bad variables and exit code 1. */
export function envOrExit(): Env {
  try {
    const env = loadEnv();
    // Boot messages (database choice, migrations) go to the same JSON log as everything after.
    Logger.overrideLogger(new PinoLoggerService(createPino(env)));
    return env;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/** Applies pending migrations (one process at a time: TypeORM takes a lock per migration table). */
export async function runMigrations(env: Env): Promise<void> {
  const db = await databaseFor(
    env,
    (msg) => logger.log(msg),
    (msg) => logger.debug(msg),
  );
  const ds = new DataSource(buildDataSourceOptions(env, db.url, 'mediation-migrate'));
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(7310220)');
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length > 0)
      logger.log(
        `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`,
      );
    await ds.query('SELECT pg_advisory_unlock(7310220)');
  } finally {
    await ds.destroy();
  }
}

/**
 * Why this Redis is unfit for production (it may evict keys: an evicted job is a lost reminder),
 * or null. Null too when Redis does not answer: the check cannot run, and the service starts
 * (readiness reports Redis down).
 */
export async function redisPolicyProblem(redisUrl: string): Promise<string | null> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch {
    logger.warn('Redis is not answering at boot; maxmemory-policy not checked');
    redis.disconnect();
    return null;
  }
  try {
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as string[];
    return policy === 'noeviction'
      ? null
      : `Redis maxmemory-policy is "${policy}"; production requires "noeviction" (queued jobs must never be evicted)`;
  } finally {
    redis.disconnect();
  }
}

export async function checkRedisPolicy(env: Env): Promise<void> {
  if (env.NODE_ENV !== 'production') return;
  const problem = await redisPolicyProblem(env.REDIS_URL);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

export async function bootstrapAdmin(app: INestApplicationContext, env: Env): Promise<void> {
  await app
    .get(UsersService)
    .bootstrapAdmin(systemContext('bootstrap'), env.BOOTSTRAP_ADMIN_PASSWORD);
}

/**
 * Runs a start step; a queue prefix held in Redis by another deployment ends the process with
 * that one line and exit code 1 (its workers would take the other deployment's jobs).
 */
export async function startOrExit<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof DeploymentConflictError)) throw error;
    console.error(`Refusing to start: ${error.message}`);
    process.exit(1);
  }
}
