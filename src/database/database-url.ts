import path from 'node:path';
import type { Env } from '../config/env.js';
import { ResolvedDatabase, resolveDatabase } from './embedded-postgres.js';

const resolved = new Map<string, Promise<ResolvedDatabase>>();

/**
 * The database this process uses: DATABASE_URL as given (never created: a configured server is
 * someone's to manage); else, with DATABASE_URL unset, DATABASE_NAME on the local PostgreSQL at
 * 127.0.0.1:5432 if it answers, else on the embedded server under EMBEDDED_PG_DIR — on those two
 * the database is created when missing. Resolved once per process and configuration (a bench
 * moves from one database to the next); `log` receives one line saying which database and whether
 * it was created, `detail` the steps (starting the embedded server…).
 */
export function databaseFor(
  env: Env,
  log: (msg: string) => void = () => undefined,
  detail: (msg: string) => void = () => undefined,
): Promise<ResolvedDatabase> {
  const key = JSON.stringify([env.DATABASE_URL, env.DATABASE_NAME, env.EMBEDDED_PG_DIR]);
  let found = resolved.get(key);
  if (!found) {
    found = resolveDatabase({
      databaseUrl: env.DATABASE_URL,
      databaseName: env.DATABASE_NAME,
      embeddedDir: path.resolve(env.EMBEDDED_PG_DIR),
      embeddedPort: env.EMBEDDED_PG_PORT,
      log: detail,
    }).then((db) => {
      log(describeDatabase(db, env));
      return db;
    });
    resolved.set(key, found);
  }
  return found;
}

/**
 * `Database "mediation" at 127.0.0.1:5432 (local PostgreSQL, DATABASE_URL unset; created now)`:
 * where, from which setting, and whether this start created it. Never the password.
 */
export function describeDatabase(db: ResolvedDatabase, env: Pick<Env, 'EMBEDDED_PG_DIR'>): string {
  const url = new URL(db.url);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const where = `${url.hostname}:${url.port || '5432'}`;
  const how = {
    env: 'from DATABASE_URL; never created by the service',
    local: 'local PostgreSQL, DATABASE_URL unset',
    embedded: `embedded PostgreSQL, data in ${env.EMBEDDED_PG_DIR}; nothing answered at 127.0.0.1:5432`,
  }[db.source];
  const created = db.source === 'env' ? '' : db.created ? '; created now' : '; it existed';
  return `Database "${name}" at ${where} (${how}${created})`;
}
