/**
 * A private PostgreSQL 15 cluster for a chaos run: its own data directory under the temp dir, its
 * own loopback port, no Unix socket; stopped and started at will with pg_ctl, never the machine's
 * shared server. As root the server runs as OS user `postgres` (PostgreSQL refuses root).
 */
import { execFile } from 'node:child_process';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export class PrivatePostgres {
  private dir = '';
  private ids: { uid: number; gid: number } | undefined;

  constructor(readonly port: number) {}

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb into a new temp directory (trust auth: loopback only, this run's own cluster). */
  async init(): Promise<void> {
    this.dir = await mkdtemp(path.join(tmpdir(), 'chaos-pg-'));
    if (process.getuid?.() === 0) {
      const [uid, gid] = await Promise.all([
        run('id', ['-u', 'postgres']),
        run('id', ['-g', 'postgres']),
      ]);
      this.ids = { uid: Number(uid.stdout), gid: Number(gid.stdout) };
      await chown(this.dir, this.ids.uid, this.ids.gid);
    }
    await this.pg('initdb', ['-D', this.dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8']);
    await appendFile(
      path.join(this.dir, 'postgresql.conf'),
      `\nport = ${this.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n` +
        `max_connections = 60\n`,
    );
  }

  async start(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dir, '-l', path.join(this.dir, 'log'), '-w', 'start']);
  }

  /** Fast shutdown: open sessions are terminated, in-flight transactions roll back. */
  async stop(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dir, '-m', 'fast', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    if (!this.dir) return;
    await this.pg('pg_ctl', ['-D', this.dir, '-m', 'immediate', '-w', 'stop']).catch(
      () => undefined,
    );
    await rm(this.dir, { recursive: true, force: true });
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    await run(path.join(BIN, tool), args, { ...this.ids, cwd: tmpdir() });
  }
}
