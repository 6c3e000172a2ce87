// The run: connections, the world and the person pool, then the cases in batches of BATCH (one
// transaction a batch, CONNECTIONS connections in turn), the case number counters, VACUUM ANALYZE.
import pg from 'pg';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { ClockDays } from '../../modules/cases/clock/case-clock.js';
import { SHANGHAI_OFFSET_MS } from '../../common/time/shanghai.js';
import { PasswordService } from '../../modules/auth/password.service.js';
import { type CaseContext, caseRows, pushCase } from './case-rows.js';
import { PERSON_POOL, personPool } from './people.js';
import { between, prng } from './random.js';
import { insert } from './tables.js';
import { DAY, HOUR } from './time.js';
import { BULK_CITY_CODE, bulkCourtCode, bulkCourtDesignator, seedWorld } from './world.js';

const BATCH = 5_000;
const CONNECTIONS = 2;
const SPAN_DAYS = 3 * 365;

const STATS_TRIGGERS = (action: 'ENABLE' | 'DISABLE'): string =>
  `ALTER TABLE cases ${action} TRIGGER stats_cases_insert_delete, ${action} TRIGGER stats_cases_update, ` +
  `${action} TRIGGER stats_deadlines_insert_delete, ${action} TRIGGER stats_deadlines_update`;

export interface BulkOptions {
  /** postgres:// URL of a migrated database. */
  url: string;
  cases: number;
  courts: number;
  /** Password of every bulk user (all share one argon2 hash). */
  password: string;
  cipher: FieldCipher;
  /** The legal clock's days: the config's (`Env` has them). */
  clock: ClockDays;
  now?: Date;
  seed?: number;
  log?: (msg: string) => void;
}

export interface BulkSummary {
  cases: number;
  parties: number;
  children: number;
  assignments: number;
  users: number;
  seconds: number;
}

/** Whether the bulk city already exists in this database. */
export async function isBulkSeeded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM regions WHERE code = $1', [BULK_CITY_CODE]);
    return (found.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** Generates the bulk data set into a migrated database; throws if it is already there. */
export async function seedBulk(opts: BulkOptions): Promise<BulkSummary> {
  const log = opts.log ?? console.log;
  const started = Date.now();
  const now = (opts.now ?? new Date()).getTime();
  const rand = prng(opts.seed ?? 20_260_101);
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: opts.url, application_name: 'seed-bulk' });
      await client.connect();
      // A bulk load: losing the last few batches in a crash is fine, waiting for each flush is not.
      await client.query('SET synchronous_commit = off');
      return client;
    }),
  );
  const [main] = clients;
  let triggersOff = false;
  const slots: Promise<void>[] = clients.map(() => Promise.resolve());
  try {
    if (
      await main
        .query('SELECT 1 FROM regions WHERE code = $1', [BULK_CITY_CODE])
        .then((r) => r.rowCount)
    ) {
      throw new Error(
        `already seeded: region ${BULK_CITY_CODE} exists; drop the database or use another one`,
      );
    }
    const taken = await main.query(
      'SELECT code, designator FROM courts WHERE code = ANY($1) OR designator = ANY($2)',
      [
        Array.from({ length: opts.courts }, (_, c) => bulkCourtCode(c)),
        Array.from({ length: opts.courts }, (_, c) => bulkCourtDesignator(c)),
      ],
    );
    if (taken.rowCount) {
      throw new Error(`court ${taken.rows[0].code} (${taken.rows[0].designator}) is already taken`);
    }

    const passwordHash = await new PasswordService().hash(opts.password);
    await main.query('BEGIN');
    const world = await seedWorld(main, rand, opts.courts, passwordHash);
    await main.query('COMMIT');
    // The statistics triggers would refresh the rollup once per case; recount it once at the end.
    await main.query(STATS_TRIGGERS('DISABLE'));
    triggersOff = true;
    const { counties, countyWeights } = world;
    const people = personPool(rand, opts.cipher, counties);
    log(
      `world: ${counties.length} counties/courts, ${counties.reduce((n, c) => n + c.townships.length, 0)} townships, ` +
        `${counties.reduce((n, c) => n + c.villageRefs.length, 0)} villages, ${world.users} users; ` +
        `${PERSON_POOL} people encrypted (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );

    // Receipt times: weekdays 08:30–17:30 Shanghai time (weekends a tenth as busy), a little more
    // each year, over the last three years up to `now`.
    const firstDay = Math.floor((now + SHANGHAI_OFFSET_MS) / DAY) - SPAN_DAYS;
    const days: { start: number; end: number; weight: number }[] = [];
    for (let d = firstDay; d <= firstDay + SPAN_DAYS; d++) {
      const start = d * DAY - SHANGHAI_OFFSET_MS + 8.5 * HOUR;
      const end = Math.min(start + 9 * HOUR, now);
      if (end <= start) continue;
      const weekday = new Date(d * DAY).getUTCDay();
      const weight =
        (weekday === 0 || weekday === 6 ? 0.1 : 1) *
        (1 + (0.15 * (d - firstDay)) / 365) *
        ((end - start) / (9 * HOUR));
      days.push({ start, end, weight });
    }
    const totalWeight = days.reduce((n, d) => n + d.weight, 0);
    const countyCdf = countyWeights.map((_, i) =>
      countyWeights.slice(0, i + 1).reduce((a, b) => a + b, 0),
    );
    const countyTotal = countyCdf[countyCdf.length - 1];

    const counters = new Map<string, number>();
    const ctx: CaseContext = {
      now,
      counties,
      countyCdf,
      countyTotal,
      people,
      counters,
      clock: opts.clock,
    };
    const summary: BulkSummary = {
      cases: 0,
      parties: 0,
      children: 0,
      assignments: 0,
      users: world.users,
      seconds: 0,
    };
    let failure: unknown;
    let batchNo = 0;
    let rows = caseRows();
    let lastLog = Date.now();
    const flush = async (): Promise<void> => {
      const { cases, parties, children, assignments } = rows;
      const batch = [cases, parties, children, assignments];
      summary.cases += cases.length;
      summary.parties += parties.length;
      summary.children += children.length;
      summary.assignments += assignments.length;
      rows = caseRows();
      const slot = batchNo++ % clients.length;
      await slots[slot];
      if (failure) throw failure;
      const client = clients[slot];
      slots[slot] = (async () => {
        await client.query('BEGIN');
        for (const table of batch) await insert(client, table);
        await client.query('COMMIT');
      })().catch((error: unknown) => {
        failure ??= error;
      });
      if (Date.now() - lastLog > 5_000 || summary.cases === opts.cases) {
        lastLog = Date.now();
        const seconds = (Date.now() - started) / 1000;
        log(
          `cases ${summary.cases}/${opts.cases} (${Math.round((100 * summary.cases) / opts.cases)} %) ` +
            `${seconds.toFixed(0)} s, ${Math.round(summary.cases / seconds)} cases/s`,
        );
      }
    };

    let made = 0;
    let owed = 0;
    for (const [dayIndex, day] of days.entries()) {
      owed += (opts.cases * day.weight) / totalWeight;
      const count = dayIndex === days.length - 1 ? opts.cases - made : Math.floor(owed - made);
      const times = Array.from({ length: count }, () => between(rand, day.start, day.end)).sort(
        (a, b) => a - b,
      );
      made += count;
      for (const received of times) {
        pushCase(rand, ctx, received, rows);
        if (rows.cases.length >= BATCH) await flush();
      }
    }
    if (rows.cases.length > 0) await flush();
    await Promise.all(slots);
    if (failure) throw failure;

    await main.query(
      `INSERT INTO case_number_counters (court_id, case_type, year, last_value)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::int[])
       ON CONFLICT (court_id, case_type, year) DO UPDATE
         SET last_value = GREATEST(case_number_counters.last_value, EXCLUDED.last_value)`,
      [
        [...counters.keys()].map((k) => counties[Number(k.split(':')[0])].courtId),
        [...counters.keys()].map((k) => k.split(':')[1]),
        [...counters.keys()].map((k) => Number(k.split(':')[2])),
        [...counters.values()],
      ],
    );
    await main.query(STATS_TRIGGERS('ENABLE'));
    triggersOff = false;
    const rollup = Date.now();
    await main.query('SELECT stats_rebuild()');
    await main.query('SELECT stats_deadlines_rebuild()');
    log(`statistics rollup recounted in ${((Date.now() - rollup) / 1000).toFixed(1)} s`);
    const loaded = (Date.now() - started) / 1000;
    log(`loaded in ${loaded.toFixed(1)} s; VACUUM ANALYZE …`);
    for (const table of [
      'regions',
      'courts',
      'organizations',
      'users',
      'cases',
      'parties',
      'case_children',
      'case_assignments',
      'case_stats_facts',
      'case_stats_monthly',
      'case_stats_township',
      'case_stats_totals',
      'case_stats_deadlines',
    ]) {
      await main.query(`VACUUM (ANALYZE) ${table}`);
    }
    summary.seconds = (Date.now() - started) / 1000;
    log(
      `done: ${summary.cases} cases, ${summary.parties} parties, ${summary.children} children, ` +
        `${summary.assignments} assignments, ${summary.users} users in ${summary.seconds.toFixed(1)} s ` +
        `(vacuum/analyze ${(summary.seconds - loaded).toFixed(1)} s)`,
    );
    return summary;
  } finally {
    await Promise.allSettled(slots);
    if (triggersOff) await main.query(STATS_TRIGGERS('ENABLE')).catch(() => undefined);
    await Promise.all(clients.map((c) => c.end()));
  }
}
