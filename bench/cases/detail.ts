// Part a: GET /cases/:id on the Nest app beside the bare handler running the same SQL.
import { isDeepStrictEqual } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { Env } from '../../src/config/env.js';
import { bulkUsernames } from '../../src/scripts/seed-bulk.js';
import { baseUrlOf, claimsOf, fmt, getJson, line, login, mean, rotatingPaths } from '../support.js';
import { startBare } from './bare.js';
import { captureDetailSql } from './capture.js';
import { countCases, measure, stats } from './measure.js';
import { CASES_PATH, PASSWORD, ROUNDS, WARMUP_SECONDS } from './settings.js';

const ID_POOL = 10_000;

export async function partA(
  app: NestFastifyApplication,
  env: Env,
  pool: pg.Pool,
  opts: { connections: number; duration: number },
): Promise<void> {
  const ds = app.get(DataSource);
  const base = baseUrlOf(app.getHttpServer());
  const token = await login(base, bulkUsernames.citySupervisor, PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  const claims = claimsOf(env, headers.authorization);
  if (!claims) throw new Error('the login token does not verify');
  const percent = Math.min(100, (300 * ID_POOL) / Math.max(1, await countCases(pool)));
  const ids = (
    await pool.query<{ id: string }>(
      `SELECT id FROM cases TABLESAMPLE BERNOULLI (${percent}) ORDER BY random() LIMIT ${ID_POOL}`,
    )
  ).rows.map((r) => r.id);
  // Sample bodies over every status, with and without children, must be identical.
  const samples = (
    await pool.query<{ id: string }>(
      `SELECT DISTINCT ON (status, kids) id
         FROM (SELECT id, status, EXISTS (SELECT 1 FROM case_children k WHERE k.case_id = c.id) AS kids
                 FROM cases c TABLESAMPLE BERNOULLI (${percent})) s
        ORDER BY status, kids, random()`,
    )
  ).rows.map((r) => r.id);
  const sql = await captureDetailSql(ds, `${base}${CASES_PATH}/${ids[0]}`, headers, ids[0], claims);
  const bare = await startBare(env, pool, sql);
  try {
    const paths = ids.map((id) => `${CASES_PATH}/${id}`);
    const targets = [
      { name: 'bare Fastify+pg', url: baseUrlOf(bare.server), requests: rotatingPaths(paths) },
      { name: 'Nest app', url: base, requests: rotatingPaths(paths) },
    ];
    for (const id of [...samples, ...ids.slice(0, 10)]) {
      const [bareBody, appBody] = await Promise.all(
        targets.map((t) => getJson(`${t.url}${CASES_PATH}/${id}`, headers)),
      );
      if (!isDeepStrictEqual(bareBody, appBody)) {
        throw new Error(`bodies differ: ${JSON.stringify(bareBody)} vs ${JSON.stringify(appBody)}`);
      }
    }
    const loadOpts = { connections: opts.connections, duration: opts.duration, headers };
    console.log(
      `\na. GET ${CASES_PATH}/:id as the city supervisor, ${ids.length} cases in rotation; ` +
        `warm-up ${WARMUP_SECONDS} s, ${ROUNDS} rounds × ${opts.duration} s, ${opts.connections} conns`,
    );
    for (const target of targets) {
      await measure(pool, target, { ...loadOpts, duration: WARMUP_SECONDS });
    }
    const results: number[][][] = targets.map(() => []);
    const lines = [line('target', ['req/s', 'p50 ms', 'p95 ms', 'p99 ms'])];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, target] of targets.entries()) {
        results[i].push(stats(await measure(pool, target, loadOpts)));
        lines.push(line(`${target.name} (${round})`, fmt(results[i][round - 1])));
      }
    }
    const means = targets.map((target, i) => {
      const m = [0, 1, 2, 3].map((k) => mean(results[i].map((r) => r[k])));
      lines.push(line(`${target.name} (mean)`, fmt(m)));
      return m[0];
    });
    console.log(lines.join('\n'));
    console.log(
      `ratio (Nest app / bare Fastify+pg): ${(means[1] / means[0]).toFixed(2)}× ` +
        '(target ≥ 0.5×, aim 0.85×)',
    );
  } finally {
    await bare.close();
  }
}
