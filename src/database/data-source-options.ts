import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import type { Env } from '../config/env.js';
import { AfterCommitSubscriber } from '../common/sql/after-commit.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * A pg client that always has an 'error' listener. pg-pool drops its own listener when it hands a
 * client out and TypeORM adds its one a few microtasks later; a server that shuts down as the
 * connection opens sends its error in that gap, and an 'error' event nobody listens to ends the
 * process (seen in `npm run chaos:pg`). The client is dead either way: its next query fails
 * ("not queryable", a 503) and the pool discards it on release.
 */
class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

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
      Client: GuardedClient,
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
