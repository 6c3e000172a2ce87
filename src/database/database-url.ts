import path from 'node:path';
import type { Env } from '../config/env.js';
import { ResolvedDatabase, resolveDatabase } from './embedded-postgres.js';

const resolved = new Map<string, Promise<ResolvedDatabase>>();

/**
 * The database this process uses: DATABASE_URL, else PostgreSQL on 127.0.0.1:5432 if it answers,
 * else the embedded server under EMBEDDED_PG_DIR. Resolved once per process and configuration (a
 * bench moves from one database to the next).
 */
export function databaseFor(
  env: Env,
  log: (msg: string) => void = () => undefined,
): Promise<ResolvedDatabase> {
  const key = JSON.stringify([env.DATABASE_URL, env.DATABASE_NAME, env.EMBEDDED_PG_DIR]);
  let found = resolved.get(key);
  if (!found) {
    found = resolveDatabase({
      databaseUrl: env.DATABASE_URL,
      databaseName: env.DATABASE_NAME,
      embeddedDir: path.resolve(env.EMBEDDED_PG_DIR),
      embeddedPort: env.EMBEDDED_PG_PORT,
      log,
    });
    resolved.set(key, found);
  }
  return found;
}
