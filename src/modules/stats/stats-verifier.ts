import type { DataSource } from 'typeorm';
import { COUNTERS, DURATION_BUCKETS, SCALAR_COUNTERS } from './stats-figures.js';

const FINE_KEYS = 'basis, month, region_id, court_id, mediator_id, dispute_type, dv_flag';
const COARSE_KEYS = 'basis, month, township_path, court_id, dispute_type, dv_flag';
const TOTAL_KEYS = 'basis, month, township_path, court_id';
const COUNTY_KEYS = 'basis, month, county_path, court_id';
/** The county cube's path: the village's grandparent. */
const WITH_COUNTY = `(SELECT *, regexp_replace(township_path, '[^.]+\\.$', '') AS county_path
  FROM case_stats_facts_v) v`;
/** A cube row recounted from the view: its scalar counters and its durations histogram. */
const sums = [
  ...SCALAR_COUNTERS.map((c) => `sum(${c})::bigint AS ${c}`),
  ...DURATION_BUCKETS.map(
    (b) => `sum((closed_mediated = 1 AND ${b.when})::int)::bigint AS ${b.name}`,
  ),
].join(', ');
const values = COUNTERS.map((c) => `${c}::bigint AS ${c}`).join(', ');
const factValues = SCALAR_COUNTERS.map((c) => `${c}::bigint AS ${c}`).join(', ');
/** A cube row whose counters all went back to 0 is the same as no row. */
const nonZero = COUNTERS.map((c) => `${c} <> 0`).join(' OR ');

export interface StatsVerdict {
  ok: boolean;
  cases: number;
  /** Rows that differ between a stored table and the recount from the cases (either side). */
  facts: number;
  monthly: number;
  township: number;
  totals: number;
  county: number;
}

/** Rows of `a` not in `b` plus rows of `b` not in `a`. */
const difference = (a: string, b: string): string =>
  `SELECT count(*)::int AS n FROM ((${a} EXCEPT ALL ${b}) UNION ALL (${b} EXCEPT ALL ${a})) d`;

/**
 * Recounts every figure from the cases (the view `case_stats_facts_v`) and compares it with the
 * per-case facts and both cubes the triggers keep. Read-only; run it in one snapshot.
 */
export async function verifyStats(ds: DataSource): Promise<StatsVerdict> {
  return ds.transaction('REPEATABLE READ', async (m) => {
    // A recount of millions of cases takes longer than a request may.
    await m.query('SET LOCAL statement_timeout = 0');
    const count = async (sql: string): Promise<number> => (await m.query(sql))[0].n as number;
    const facts = await count(
      difference(
        `SELECT case_id, ${FINE_KEYS}, day, township_path, ${factValues} FROM case_stats_facts_v`,
        `SELECT case_id, ${FINE_KEYS}, day, township_path, ${factValues} FROM case_stats_facts`,
      ),
    );
    const monthly = await count(
      difference(
        `SELECT ${FINE_KEYS}, ${sums} FROM case_stats_facts_v GROUP BY ${FINE_KEYS}`,
        `SELECT ${FINE_KEYS}, ${values} FROM case_stats_monthly WHERE ${nonZero}`,
      ),
    );
    const township = await count(
      difference(
        `SELECT ${COARSE_KEYS}, ${sums} FROM case_stats_facts_v GROUP BY ${COARSE_KEYS}`,
        `SELECT ${COARSE_KEYS}, ${values} FROM case_stats_township WHERE ${nonZero}`,
      ),
    );
    const totals = await count(
      difference(
        `SELECT ${TOTAL_KEYS}, ${sums} FROM case_stats_facts_v GROUP BY ${TOTAL_KEYS}`,
        `SELECT ${TOTAL_KEYS}, ${values} FROM case_stats_totals WHERE ${nonZero}`,
      ),
    );
    const county = await count(
      difference(
        `SELECT ${COUNTY_KEYS}, ${sums} FROM ${WITH_COUNTY} GROUP BY ${COUNTY_KEYS}`,
        `SELECT ${COUNTY_KEYS}, ${values} FROM case_stats_county WHERE ${nonZero}`,
      ),
    );
    const cases = await count(`SELECT count(*)::int AS n FROM cases`);
    return {
      ok: facts + monthly + township + totals + county === 0,
      cases,
      facts,
      monthly,
      township,
      totals,
      county,
    };
  });
}
