/**
 * Which PostgreSQL this process uses (DATABASE_URL, else a local server on 127.0.0.1:5432, else the
 * embedded one) and its database, created when missing. The embedded server's start is in
 * embedded-server.ts, the state of its data directory before a start in embedded-data-dir.ts.
 */

import path from 'node:path';
import pg from 'pg';
import { findRunningServer, prepareDataDir } from './embedded-data-dir.js';
import {
  buildUrl,
  type EmbeddedContext,
  embeddedUrl,
  errorCode,
  startEmbedded,
} from './embedded-server.js';

export interface ResolvedDatabase {
  url: string;
  source: 'env' | 'local' | 'embedded';
  /** This resolution created the database (never with DATABASE_URL). */
  created: boolean;
  stop(): Promise<void>;
}

export interface ResolveDatabaseOptions {
  /** From DATABASE_URL; when set it is used as is and nothing is probed. */
  databaseUrl?: string;
  /** Created if missing on the local or embedded server. */
  databaseName: string;
  localHost?: string;
  localPort?: number;
  localUser?: string;
  /** Data directory of the embedded server; reused across starts. */
  embeddedDir: string;
  embeddedPort: number;
  probeTimeoutMs?: number;
  /** One line per decision; never receives passwords. */
  log?: (msg: string) => void;
}

const DEFAULT_PROBE_TIMEOUT_MS = 1500;
const DUPLICATE_DATABASE_CODES = new Set(['42P04', '23505']);

export async function resolveDatabase(opts: ResolveDatabaseOptions): Promise<ResolvedDatabase> {
  const log = opts.log ?? (() => undefined);
  if (opts.databaseUrl) {
    log('using DATABASE_URL');
    return { url: opts.databaseUrl, source: 'env', created: false, stop: async () => undefined };
  }
  const local = await resolveLocal(opts, log);
  if (local) return local;
  return resolveEmbedded({
    dir: path.resolve(opts.embeddedDir),
    port: opts.embeddedPort,
    databaseName: opts.databaseName,
    probeTimeoutMs: opts.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    log,
  });
}

/**
 * serverUrl must point at an existing database on the server, usually `postgres`. True when this
 * call created the database.
 */
export async function ensureDatabaseExists(
  serverUrl: string,
  databaseName: string,
): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      databaseName,
    ]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
    return true;
  } catch (err: unknown) {
    // Another process may have created it between our check and CREATE.
    if (!DUPLICATE_DATABASE_CODES.has(errorCode(err) ?? '')) throw err;
    return false;
  } finally {
    await client.end();
  }
}

async function resolveLocal(
  opts: ResolveDatabaseOptions,
  log: (msg: string) => void,
): Promise<ResolvedDatabase | undefined> {
  const host = opts.localHost ?? '127.0.0.1';
  const port = opts.localPort ?? 5432;
  const user = opts.localUser ?? 'postgres';
  const failure = await probe(
    { host, port, user, database: 'postgres' },
    opts.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
  );
  if (failure !== undefined) {
    log(`no PostgreSQL at ${host}:${port} (${failure}); falling back to embedded`);
    return undefined;
  }
  log(`using PostgreSQL at ${host}:${port}`);
  const created = await ensureDatabaseExists(
    buildUrl({ host, port, user, database: 'postgres' }),
    opts.databaseName,
  );
  return {
    url: buildUrl({ host, port, user, database: opts.databaseName }),
    source: 'local',
    created,
    stop: async () => undefined,
  };
}

async function resolveEmbedded(ctx: EmbeddedContext): Promise<ResolvedDatabase> {
  await prepareDataDir(ctx);
  const running = await findRunningServer(ctx);
  const stop = running ? async () => undefined : await startEmbedded(ctx);
  let created: boolean;
  try {
    created = await ensureDatabaseExists(embeddedUrl(ctx.port, 'postgres'), ctx.databaseName);
  } catch (err: unknown) {
    await stop();
    throw err;
  }
  return { url: embeddedUrl(ctx.port, ctx.databaseName), source: 'embedded', created, stop };
}

/** Returns undefined when the server answers, otherwise a short reason. */
async function probe(config: pg.ClientConfig, timeoutMs: number): Promise<string | undefined> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return undefined;
  } catch (err: unknown) {
    return errorCode(err) ?? (err instanceof Error ? err.message : String(err));
  } finally {
    await client.end().catch(() => undefined);
  }
}
