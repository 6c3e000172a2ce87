import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import type { Env } from '../config/env.js';
import { AfterCommitSubscriber } from './after-commit.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one place the TypeORM options are built, for the app, the CLI and the tests. */
export function buildDataSourceOptions(
  env: Env,
  url: string,
  applicationName = 'mediation-api',
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [AfterCommitSubscriber],
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    poolSize: env.DB_POOL_SIZE,
    connectTimeoutMS: env.DB_CONNECT_TIMEOUT_MS,
    extra: {
      // node-postgres pool: fail fast when no connection is free instead of queueing forever.
      max: env.DB_POOL_SIZE,
      connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      application_name: applicationName,
    },
  };
}
