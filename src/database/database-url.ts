import path from 'node:path';
import type { Env } from '../config/env.js';
import { ResolvedDatabase, resolveDatabase } from './embedded-postgres.js';

let resolved: Promise<ResolvedDatabase> | undefined;

/**
 * The database this process uses: DATABASE_URL, else PostgreSQL on 127.0.0.1:5432 if it answers,
 * else the embedded server under EMBEDDED_PG_DIR. Resolved once per process.
 */
export function databaseFor(
  env: Env,
  log: (msg: string) => void = () => undefined,
): Promise<ResolvedDatabase> {
  resolved ??= resolveDatabase({
    databaseUrl: env.DATABASE_URL,
    databaseName: env.DATABASE_NAME,
    embeddedDir: path.resolve(env.EMBEDDED_PG_DIR),
    embeddedPort: env.EMBEDDED_PG_PORT,
    log,
  });
  return resolved;
}
