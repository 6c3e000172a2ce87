// Load runs against one target at a time, each followed by a wait until the database is idle.
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { type CannonResult, load } from '../support.js';

export const stats = (r: CannonResult): number[] => [
  r.requests.average,
  r.latency.p50,
  r.latency.p95,
  r.latency.p99,
];

/**
 * Waits until no other backend of this database is running a statement. autocannon stops at its
 * deadline, but a server with a backlog (a slow list at 32 connections) keeps working for a while,
 * which would be charged to the next run.
 */
async function idle(pool: pg.Pool): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quiet = 0;
  while (quiet < 3 && Date.now() < deadline) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    quiet = rows[0].n === '0' ? quiet + 1 : 0;
    await sleep(100);
  }
}

export class NoResponse extends Error {}

/** load() (fails on anything but 200), then idle(); a run without any response also fails. */
export async function measure(
  pool: pg.Pool,
  target: Parameters<typeof load>[0],
  opts: Parameters<typeof load>[1],
): Promise<CannonResult> {
  try {
    const result = await load(target, opts);
    const answered = (result.latency as { totalCount?: number }).totalCount ?? 0;
    if (answered === 0)
      throw new NoResponse(`${target.name}: no response within ${opts.duration} s`);
    return result;
  } finally {
    await idle(pool);
  }
}

export async function countCases(pool: pg.Pool): Promise<number> {
  return Number((await pool.query('SELECT count(*) AS n FROM cases')).rows[0].n);
}
