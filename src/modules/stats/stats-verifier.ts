import type { DataSource } from 'typeorm';
import { bucketOfFact, COUNTERS, DURATION_BUCKETS, SCALAR_COUNTERS } from './stats-figures.js';

const FINE_KEYS = 'basis, month, region_id, court_id, mediator_id, dispute_type, dv_flag';
/** Each cube and the keys it sums the cases by. */
const CUBES = {
  monthly: ['case_stats_monthly', FINE_KEYS],
  township: ['case_stats_township', 'basis, month, township_path, court_id, dispute_type, dv_flag'],
  totals: ['case_stats_totals', 'basis, month, township_path, court_id'],
  county: ['case_stats_county', 'basis, month, county_path, court_id'],
  totalsYearly: ['case_stats_totals_yearly', 'basis, year, township_path, court_id'],
  countyYearly: ['case_stats_county_yearly', 'basis, year, county_path, court_id'],
} as const;
/**
 * The stored facts with the keys the coarser cubes derive (the county: the village's grandparent;
 * the year). Once the facts equal a recount of the cases, each cube is checked against their sums:
 * one pass over the cases, not one per cube.
 */
const FACTS = `(SELECT *, regexp_replace(township_path, '[^.]+\\.$', '') AS county_path,
  date_trunc('year', month)::date AS year FROM case_stats_facts) f`;
/** A cube row recounted from the view: its scalar counters and its durations histogram. */
const sums = [
  ...SCALAR_COUNTERS.map((c) => `sum(${c})::bigint AS ${c}`),
  ...DURATION_BUCKETS.map((b) => `sum(${bucketOfFact(b)})::bigint AS ${b.name}`),
].join(', ');
const values = COUNTERS.map((c) => `${c}::bigint AS ${c}`).join(', ');
const factValues = SCALAR_COUNTERS.map((c) => `${c}::bigint AS ${c}`).join(', ');
/** A cube row whose counters all went back to 0 is the same as no row. */
const nonZero = COUNTERS.map((c) => `${c} <> 0`).join(' OR ');

export type StatsVerdict = {
  ok: boolean;
  cases: number;
  /** Rows that differ between a stored table and the recount from the cases (either side). */
  facts: number;
  /** The open cases' deadlines (migration AddCaseStatsDeadlines), against `case_stats_deadlines_v`. */
  deadlines: number;
  /**
   * Cells (county × court) of the rollup without a version (migration AddCaseStatsVersions): kept
   * answers over them could not see their changes.
   */
  versions: number;
} & Record<keyof typeof CUBES, number>;

/** Rows of `a` not in `b` plus rows of `b` not in `a`. */
const difference = (a: string, b: string): string =>
  `SELECT count(*)::int AS n FROM ((${a} EXCEPT ALL ${b}) UNION ALL (${b} EXCEPT ALL ${a})) d`;

/**
 * Recounts every case's contribution from the cases (the view `case_stats_facts_v`) and compares
 * it with the per-case facts, then every cube the triggers keep with the sums of those facts, and
 * the open cases' deadlines with their recount; and that every cell of the rollup has a version.
 * Read-only; run it in one snapshot.
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
    const cubes = {} as Record<keyof typeof CUBES, number>;
    for (const [name, [table, keys]] of Object.entries(CUBES)) {
      cubes[name as keyof typeof CUBES] = await count(
        difference(
          `SELECT ${keys}, ${sums} FROM ${FACTS} GROUP BY ${keys}`,
          `SELECT ${keys}, ${values} FROM ${table} WHERE ${nonZero}`,
        ),
      );
    }
    const deadlineKeys = 'grain, due, county_path, court_id, open';
    const deadlines = await count(
      difference(
        `SELECT ${deadlineKeys} FROM case_stats_deadlines_v`,
        `SELECT ${deadlineKeys} FROM case_stats_deadlines WHERE open <> 0`,
      ),
    );
    const versions = await count(
      `SELECT count(*)::int AS n FROM (SELECT DISTINCT county_path, court_id FROM case_stats_county) c
        WHERE NOT EXISTS (SELECT 1 FROM case_stats_versions v
          WHERE v.county_path = c.county_path AND v.court_id = c.court_id)`,
    );
    const cases = await count(`SELECT count(*)::int AS n FROM cases`);
    return {
      ok: facts + deadlines + versions + Object.values(cubes).reduce((a, b) => a + b, 0) === 0,
      cases,
      facts,
      deadlines,
      versions,
      ...cubes,
    };
  });
}
