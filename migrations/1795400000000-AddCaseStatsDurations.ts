import { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTERS, FINE_KEYS, list } from './1795389759193-AddCaseStats.js';
import { CUBES, rebuild, refresh } from './1795395642090-AddCaseStatsTotals.js';

/**
 * Hand-written: the median duration from the cubes. Each cube row gains a histogram of the
 * durations (Asia/Shanghai days from acceptance to closure) of the cases that entered mediation and
 * closed: one counter per day from 0 to 60 (the longest legal clock, 30 days plus 30 of extension)
 * and one for longer, so the median of any sum of rows is exact unless it lies beyond 60 days.
 *
 * The per-case facts keep only `duration_days` (10 M cases would carry 62 more columns each); the
 * buckets are derived from it wherever facts are summed. The refresh and rebuild functions of
 * AddCaseStatsTotals are redefined to keep the histograms, and the cubes are recounted.
 */
export const DURATION_BUCKETS = [
  ...Array.from({ length: 61 }, (_, day) => ({
    name: `dur_${String(day).padStart(2, '0')}`,
    when: `duration_days = ${day}`,
  })),
  { name: 'dur_61_plus', when: 'duration_days > 60' },
];
export const CUBE_COUNTERS = [...COUNTERS, ...DURATION_BUCKETS.map((b) => b.name)];
const buckets = (sign: '' | '-'): string =>
  DURATION_BUCKETS.map((b) => `${sign}(closed_mediated = 1 AND ${b.when})::int AS ${b.name}`).join(
    ', ',
  );

/** Adds `delta` (keys + every cube counter) into `cube`, rows in key order. */
export const upsert = (cube: string, keys: string[], delta: string): string => `
  INSERT INTO ${cube} (${list(keys)}, ${list(CUBE_COUNTERS)})
  SELECT ${list(keys)}, ${CUBE_COUNTERS.map((c) => `sum(${c})`).join(', ')}
  FROM (${delta}) d GROUP BY ${list(keys)} ORDER BY ${list(keys)}
  ON CONFLICT (${list(keys.filter((k) => k !== 'region_path'))}) DO UPDATE SET
  ${CUBE_COUNTERS.map((c) => `${c} = ${cube}.${c} + EXCLUDED.${c}`).join(', ')}`;

const FACT_COLUMNS = `${list(FINE_KEYS)}, day, township_path, ${list(COUNTERS)}`;

/**
 * `stats_refresh_case` and `stats_rebuild` keeping `cubes` with their histograms; `derived` are
 * further key columns computed from a fact's (e.g. a coarser path).
 */
export function statsFunctions(cubes: [string, string[]][], derived: string[] = []): string[] {
  const more = derived.map((d) => `, ${d}`).join('');
  const negated = `SELECT ${list(FINE_KEYS)}, township_path, ${COUNTERS.map((c) => `-${c} AS ${c}`).join(', ')}, ${buckets('-')}${more}
      FROM case_stats_facts WHERE case_id = p_case`;
  const fresh = `SELECT ${list(FINE_KEYS)}, township_path, ${list(COUNTERS)}, ${buckets('')}${more}
      FROM case_stats_facts_v WHERE case_id = p_case`;
  return [
    `CREATE OR REPLACE FUNCTION stats_refresh_case(p_case uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${cubes.map(([cube, keys]) => upsert(cube, keys, `${negated} UNION ALL ${fresh}`)).join(';\n')};
        DELETE FROM case_stats_facts WHERE case_id = p_case;
        INSERT INTO case_stats_facts (case_id, ${FACT_COLUMNS})
          SELECT case_id, ${FACT_COLUMNS} FROM case_stats_facts_v WHERE case_id = p_case;
      END $$`,
    `CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE case_stats_facts, ${cubes.map(([cube]) => cube).join(', ')};
        INSERT INTO case_stats_facts (case_id, ${FACT_COLUMNS})
          SELECT case_id, ${FACT_COLUMNS} FROM case_stats_facts_v;
        ${cubes.map(([cube, keys]) => upsert(cube, keys, `SELECT f.*, ${buckets('')}${more} FROM case_stats_facts f`)).join(';\n')};
      END $$`,
  ];
}

export class AddCaseStatsDurations1795400000000 implements MigrationInterface {
  name = 'AddCaseStatsDurations1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const [cube] of CUBES) {
      await q(
        `ALTER TABLE ${cube} ${DURATION_BUCKETS.map((b) => `ADD COLUMN "${b.name}" integer NOT NULL DEFAULT 0`).join(', ')}`,
      );
    }
    for (const sql of statsFunctions(CUBES)) await q(sql);
    // Cases that exist already (10 M take minutes: no statement timeout for this one).
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`SELECT stats_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(refresh(CUBES));
    await q(rebuild(CUBES));
    for (const [cube] of CUBES) {
      await q(
        `ALTER TABLE ${cube} ${DURATION_BUCKETS.map((b) => `DROP COLUMN "${b.name}"`).join(', ')}`,
      );
    }
  }
}
