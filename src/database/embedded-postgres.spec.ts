import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import {
  ensureDatabaseExists,
  resolveDatabase,
  type ResolveDatabaseOptions,
  type ResolvedDatabase,
} from './embedded-postgres.js';

// Real initdb/postgres processes; a fresh cluster takes a few seconds.
const EMBEDDED_TIMEOUT_MS = 60_000;
const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DATA_ROOT = path.resolve('data');

const tempDirs: string[] = [];
const started: ResolvedDatabase[] = [];
const localDatabases: string[] = [];
let createdDataRoot = false;

function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}

function tempDataDir(): string {
  const dir = path.join(DATA_ROOT, `test-embedded-${randomSuffix()}`);
  tempDirs.push(dir);
  return dir;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

// Listening on port 0 and closing at once yields ports nobody else listens on right now.
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return address.port;
  });
  await Promise.all(
    servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  return ports;
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function track(resolved: Promise<ResolvedDatabase>): Promise<ResolvedDatabase> {
  const db = await resolved;
  started.push(db);
  return db;
}

beforeAll(async () => {
  createdDataRoot = !(await exists(DATA_ROOT));
});

afterAll(async () => {
  await Promise.allSettled(started.map((db) => db.stop()));
  await Promise.allSettled(
    localDatabases.map((name) =>
      query(LOCAL_SERVER_URL, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
    ),
  );
  await Promise.allSettled(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  // Leave no empty data/ behind if this spec created it; rmdir fails when others use it.
  if (createdDataRoot) await rmdir(DATA_ROOT).catch(() => undefined);
}, EMBEDDED_TIMEOUT_MS);

describe('resolveDatabase with DATABASE_URL', () => {
  it('returns the URL as is without touching the embedded directory', async () => {
    const dir = tempDataDir();
    const logs: string[] = [];
    const url = 'postgres://app:secret@db.example:5432/mediation';

    const db = await resolveDatabase({
      databaseUrl: url,
      databaseName: 'mediation',
      embeddedDir: dir,
      embeddedPort: 1,
      log: (msg) => logs.push(msg),
    });

    expect(db.url).toBe(url);
    expect(db.source).toBe('env');
    await expect(db.stop()).resolves.toBeUndefined();
    expect(await exists(dir)).toBe(false);
    expect(logs).toEqual(['using DATABASE_URL']);
  });
});

describe('resolveDatabase with a local server on 127.0.0.1:5432', () => {
  it('uses it and creates the database', async () => {
    const name = `embedded_spec_${randomSuffix()}`;
    localDatabases.push(name);
    const dir = tempDataDir();

    const db = await resolveDatabase({ databaseName: name, embeddedDir: dir, embeddedPort: 1 });

    expect(db.source).toBe('local');
    expect(db.created).toBe(true);
    expect(db.url).toBe(`postgres://postgres@127.0.0.1:5432/${name}`);
    const rows = await query<{ datname: string }>(
      LOCAL_SERVER_URL,
      'SELECT datname FROM pg_database WHERE datname = $1',
      [name],
    );
    expect(rows).toHaveLength(1);
    expect(await query(db.url, 'SELECT current_database() AS name')).toEqual([{ name }]);
    expect(await exists(dir)).toBe(false);
  });

  it('tolerates concurrent creation of the same database', async () => {
    const name = `embedded_spec_${randomSuffix()}`;
    localDatabases.push(name);

    await expect(
      Promise.all([1, 2, 3].map(() => ensureDatabaseExists(LOCAL_SERVER_URL, name))),
    ).resolves.toHaveLength(3);
    await expect(ensureDatabaseExists(LOCAL_SERVER_URL, name)).resolves.toBe(false);
  });
});

describe('resolveDatabase without a local server', () => {
  let options: ResolveDatabaseOptions;
  let logs: string[];

  beforeAll(async () => {
    const [unusedPort, embeddedPort] = await freePorts(2);
    options = {
      databaseName: 'mediation_spec',
      localPort: unusedPort,
      embeddedDir: tempDataDir(),
      embeddedPort,
      log: (msg) => logs.push(msg),
    };
  });

  beforeEach(() => {
    logs = [];
  });

  it(
    'initialises and starts an embedded server',
    async () => {
      const db = await track(resolveDatabase(options));

      expect(db.source).toBe('embedded');
      expect(db.url).toContain(`@127.0.0.1:${options.embeddedPort}/mediation_spec`);
      expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await query(db.url, 'CREATE TABLE kept (id int)');
      expect(await exists(path.join(options.embeddedDir, 'PG_VERSION'))).toBe(true);
      expect(logs.some((msg) => msg.startsWith('initialising embedded PostgreSQL'))).toBe(true);
      expect(logs.join('\n')).not.toContain('postgres:postgres');

      await db.stop();
      await expect(query(db.url, 'SELECT 1')).rejects.toThrow();
    },
    EMBEDDED_TIMEOUT_MS,
  );

  it(
    'reuses the persistent data on a second start',
    async () => {
      const db = await track(resolveDatabase(options));

      expect(db.source).toBe('embedded');
      expect(logs.some((msg) => msg.startsWith('initialising'))).toBe(false);
      expect(logs).toContain(
        `starting embedded PostgreSQL in ${options.embeddedDir} on port ${options.embeddedPort}`,
      );
      expect(await query(db.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 0 }]);
      await db.stop();
    },
    EMBEDDED_TIMEOUT_MS,
  );

  it(
    'reuses a server that is already running on the same directory',
    async () => {
      const owner = await track(resolveDatabase(options));
      logs = [];

      const second = await resolveDatabase(options);

      expect(second.url).toBe(owner.url);
      expect(logs.some((msg) => msg.startsWith('reusing embedded PostgreSQL'))).toBe(true);
      await second.stop();
      expect(await query(owner.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await owner.stop();
    },
    EMBEDDED_TIMEOUT_MS,
  );

  it(
    'removes a stale postmaster.pid left by a killed process',
    async () => {
      const pidFile = path.join(options.embeddedDir, 'postmaster.pid');
      const first = await track(resolveDatabase(options));
      const lines = (await readFile(pidFile, 'utf8')).split('\n');
      await first.stop();
      // Same content as a SIGKILLed postmaster would leave, with a pid nobody uses.
      await writeFile(pidFile, ['999999', ...lines.slice(1)].join('\n'));
      logs = [];

      const db = await track(resolveDatabase(options));

      expect(logs.some((msg) => msg.startsWith('removing stale'))).toBe(true);
      expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await db.stop();
    },
    EMBEDDED_TIMEOUT_MS,
  );

  it(
    'refuses a non-empty directory without a cluster',
    async () => {
      const dir = tempDataDir();
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'stray.txt'), 'x');

      await expect(resolveDatabase({ ...options, embeddedDir: dir })).rejects.toThrow(
        'PG_VERSION missing',
      );
    },
    EMBEDDED_TIMEOUT_MS,
  );
});
