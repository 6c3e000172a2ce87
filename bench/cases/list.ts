// Part b: GET /cases with realistic filters, as a clerk and as a township supervisor.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { BULK_CITY_CODE, bulkCourtCode, bulkUsernames } from '../../src/scripts/seed-bulk.js';
import {
  baseUrlOf,
  type CannonResult,
  claimsOf,
  fmt,
  getJson,
  line,
  login,
  mean,
  rotatingPaths,
} from '../support.js';
import { LIST_COUNT_CAP } from '../../src/modules/cases/case-list.js';
import type { Env } from '../../src/config/env.js';
import { isDeepStrictEqual } from 'node:util';
import { startBareList } from './bare.js';
import { type Captured, captureListSql, captureQueries } from './capture.js';
import { measure, NoResponse, stats } from './measure.js';
import { CASES_PATH, PASSWORD, ROUNDS, WARMUP_SECONDS } from './settings.js';

const P95_TARGET_MS = 50;

interface Combo {
  user: string;
  name: string;
  paths: string[];
}

/** The filter combinations, as a clerk of court B01 and as the supervisor of its township 01. */
async function listCombos(pool: pg.Pool): Promise<Combo[]> {
  const one = async (sql: string, params: unknown[]): Promise<string[]> =>
    (await pool.query<{ v: string }>(sql, params)).rows.map((r) => r.v);
  const countyCode = `${BULK_CITY_CODE.slice(0, 4)}01000000`;
  const [courtId] = await one('SELECT id AS v FROM courts WHERE code = $1', [bulkCourtCode(0)]);
  const townships = await one(
    `SELECT t.id AS v FROM regions t JOIN regions c ON c.id = t.parent_id
      WHERE c.code = $1 ORDER BY t.code`,
    [countyCode],
  );
  const villages = await one('SELECT id AS v FROM regions WHERE parent_id = $1 ORDER BY code', [
    townships[0],
  ]);
  const names = await one(
    `SELECT name AS v FROM (SELECT DISTINCT name FROM parties TABLESAMPLE SYSTEM (1)) n
      ORDER BY random() LIMIT 20`,
    [],
  );
  const q = (params: string): string => (params ? `${CASES_PATH}?${params}` : CASES_PATH);
  const combos = (user: string, regionIds: string[], regionLabel: string): Combo[] => [
    { user, name: '(no filter: the landing page)', paths: [q('')] },
    { user, name: 'status=in_mediation', paths: [q('status=in_mediation')] },
    {
      user,
      name: `regionId=<${regionLabel}>&status=closed&sort=-receivedAt`,
      paths: regionIds.map((r) => q(`regionId=${r}&status=closed&sort=-receivedAt`)),
    },
    {
      user,
      name: 'courtId=<court>&disputeType=divorce',
      paths: [q(`courtId=${courtId}&disputeType=divorce`)],
    },
    { user, name: 'q=<a party name>', paths: names.map((n) => q(`q=${encodeURIComponent(n)}`)) },
    { user, name: 'overdue=true', paths: [q('overdue=true')] },
  ];
  return [
    ...combos(bulkUsernames.clerk(0), townships, 'a township'),
    ...combos(bulkUsernames.townshipSupervisor(0, 0), villages, 'a village'),
  ];
}

async function explain(pool: pg.Pool, captured: Captured[]): Promise<string> {
  const out: string[] = [];
  for (const c of captured) {
    if (/\bauth_sessions\b/.test(c.sql) || /FROM "regions"/.test(c.sql)) continue;
    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`,
      c.params,
    );
    out.push(`    ${c.sql.replace(/\s+/g, ' ')}`);
    out.push(`      params ${JSON.stringify(c.params)}`);
    for (const r of plan.rows) out.push(`      ${r['QUERY PLAN']}`);
  }
  return out.join('\n');
}

/**
 * The ceiling on this machine: the clerk's landing page on the Nest app beside a bare Fastify + pg
 * handler replaying the SQL captured from the app (the session lookup and the page), the same JSON
 * checked equal, measured alternately at the same connections.
 */
async function landingPageBaseline(
  app: NestFastifyApplication,
  env: Env,
  pool: pg.Pool,
  opts: { connections: number; duration: number },
): Promise<void> {
  const base = baseUrlOf(app.getHttpServer());
  const token = await login(base, bulkUsernames.clerk(0), PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  const claims = claimsOf(env, headers.authorization);
  if (!claims) throw new Error('the login token does not verify');
  const sql = await captureListSql(app.get(DataSource), `${base}${CASES_PATH}`, headers, claims);
  const bare = await startBareList(env, pool, sql, LIST_COUNT_CAP);
  try {
    const targets = [
      {
        name: 'bare Fastify+pg',
        url: baseUrlOf(bare.server),
        requests: rotatingPaths([CASES_PATH]),
      },
      { name: 'Nest app', url: base, requests: rotatingPaths([CASES_PATH]) },
    ];
    const [bareBody, appBody] = await Promise.all(
      targets.map((t) => getJson(`${t.url}${CASES_PATH}`, headers)),
    );
    if (!isDeepStrictEqual(bareBody, appBody)) {
      throw new Error(`bodies differ: ${JSON.stringify(bareBody)} vs ${JSON.stringify(appBody)}`);
    }
    console.log(
      `\nbaseline: the clerk's landing page beside a bare Fastify + pg handler running the same SQL; ` +
        `${ROUNDS} rounds × ${opts.duration} s, ${opts.connections} conns`,
    );
    const loadOpts = { connections: opts.connections, duration: opts.duration, headers };
    for (const target of targets) {
      await measure(pool, target, { ...loadOpts, duration: WARMUP_SECONDS });
    }
    const results: number[][][] = targets.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, target] of targets.entries()) {
        results[i].push(stats(await measure(pool, target, loadOpts)));
      }
    }
    const lines = [line('target', ['req/s', 'p50 ms', 'p95 ms', 'p99 ms'])];
    const means = targets.map((target, i) => {
      const m = [0, 1, 2, 3].map((k) => mean(results[i].map((r) => r[k])));
      lines.push(line(`${target.name} (mean)`, fmt(m)));
      return m;
    });
    console.log(lines.join('\n'));
    console.log(
      `Nest app / bare: ${(means[1][0] / means[0][0]).toFixed(2)}× the throughput, ` +
        `${(means[1][2] / means[0][2]).toFixed(2)}× the p95`,
    );
  } finally {
    await bare.close();
  }
}

export async function partB(
  app: NestFastifyApplication,
  env: Env,
  pool: pg.Pool,
  opts: { connections: number; duration: number; explain: boolean },
): Promise<void> {
  const base = baseUrlOf(app.getHttpServer());
  const only = process.env.BENCH_ONLY;
  const combos = (await listCombos(pool)).filter(
    (c) => !only || (only !== 'baseline' && `${c.user} ${c.name}`.includes(only)),
  );
  const tokens = new Map<string, Record<string, string>>();
  for (const user of new Set(combos.map((c) => c.user))) {
    tokens.set(user, { authorization: `Bearer ${await login(base, user, PASSWORD)}` });
  }
  const headersOf = (c: Combo): Record<string, string> => tokens.get(c.user) ?? {};
  // What each combination matches (page 1 of `total`), checking every path answers 200.
  const totals = new Map<Combo, number[]>();
  for (const combo of combos) {
    const seen: number[] = [];
    for (const path of combo.paths) {
      const body = (await getJson(`${base}${path}`, headersOf(combo))) as { total: number };
      seen.push(body.total);
    }
    totals.set(combo, seen);
  }
  const targets = combos.map((c) => ({
    name: `${c.user} ${c.name}`,
    url: base,
    requests: rotatingPaths(c.paths),
  }));
  console.log(
    `\nb. GET ${CASES_PATH} (page 1, 20 a page) with filters; warm-up ${WARMUP_SECONDS} s each, ` +
      `${ROUNDS} rounds × ${opts.duration} s, ${opts.connections} conns; target p95 < ${P95_TARGET_MS} ms`,
  );
  // A combination that fails (a non-200, e.g. 503 when the pool is exhausted) is reported and
  // dropped from the later runs; the bench still prints the table, then exits 1.
  const failures = new Map<Combo, string>();
  const run = async (i: number, seconds: number): Promise<CannonResult | undefined> => {
    if (failures.has(combos[i])) return undefined;
    try {
      return await measure(pool, targets[i], {
        connections: opts.connections,
        duration: seconds,
        headers: headersOf(combos[i]),
      });
    } catch (error) {
      // A warm-up too short for a single response is not a failure; a non-200 always is.
      if (!(error instanceof NoResponse) || seconds !== WARMUP_SECONDS) {
        failures.set(combos[i], error instanceof Error ? error.message : String(error));
      }
      return undefined;
    }
  };
  for (const i of targets.keys()) await run(i, WARMUP_SECONDS);
  const results: number[][][] = targets.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const i of targets.keys()) {
      const r = await run(i, opts.duration);
      if (r) results[i].push(stats(r));
    }
  }
  const W = 46;
  const lines = [line('user / filters', ['matches', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', ''], W)];
  const misses: Combo[] = [];
  let user = '';
  for (const [i, combo] of combos.entries()) {
    if (combo.user !== user) {
      user = combo.user;
      lines.push(user);
    }
    const seen = totals.get(combo) ?? [];
    const matches = seen.length === 1 ? String(seen[0]) : `~${Math.round(mean(seen))}`;
    const failed = failures.get(combo);
    if (failed) {
      misses.push(combo);
      lines.push(line(`  ${combo.name}`, [matches, '', '', '', '', 'FAILED'], W));
      lines.push(`    ${failed}`);
      continue;
    }
    const m = [0, 1, 2, 3].map((k) => mean(results[i].map((r) => r[k])));
    const ok = Math.max(...results[i].map((r) => r[2])) < P95_TARGET_MS;
    if (!ok) misses.push(combo);
    lines.push(line(`  ${combo.name}`, [matches, ...fmt(m), ok ? 'ok' : 'MISS'], W));
  }
  console.log(lines.join('\n'));
  console.log(
    `(means of ${ROUNDS} rounds; MISS: p95 ≥ ${P95_TARGET_MS} ms in a round; ` +
      'matches: `total` of the first page, ~ the mean over the rotated values)',
  );
  if (opts.explain && misses.length > 0) {
    const ds = app.get(DataSource);
    for (const combo of misses) {
      const captured = await captureQueries(ds, () =>
        getJson(`${base}${combo.paths[0]}`, headersOf(combo)),
      );
      console.log(`\nEXPLAIN ${combo.user} ${combo.name}:\n${await explain(pool, captured)}`);
    }
  }
  if (!only || only === 'baseline') await landingPageBaseline(app, env, pool, opts);
  if (failures.size > 0) {
    throw new Error(
      `${failures.size} list combination(s) answered something else than 200:\n` +
        [...failures.values()].map((why) => `  ${why}`).join('\n'),
    );
  }
}
