import { MigrationInterface, QueryRunner } from 'typeorm';
import { CUBES } from './1795395642090-AddCaseStatsTotals.js';
import { CUBE_COUNTERS, statsFunctions, upsert } from './1795400000000-AddCaseStatsDurations.js';

/**
 * Hand-written: a fourth cube, month × county × court over every dispute type and DV flag, for the
 * questions asked at a county or above (a city's year is 240 rows here, against 3 600 in the totals
 * cube: the summary's sum of 80 counters no longer grows with the number of townships). The county
 * is the village's grandparent, derived from the township path. Filled from the totals cube (not a
 * recount of the cases); the refresh and rebuild functions are redefined to keep it.
 */
export const COUNTY_KEYS = ['basis', 'month', 'county_path', 'court_id'];
export const COUNTY_PATH = `regexp_replace(township_path, '[^.]+\\.$', '')::varchar COLLATE "C" AS county_path`;
export const WITH_COUNTY: [string, string[]][] = [...CUBES, ['case_stats_county', COUNTY_KEYS]];

export class AddCaseStatsCounty1795400000001 implements MigrationInterface {
  name = 'AddCaseStatsCounty1795400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE case_stats_county (
      "basis" varchar(8) NOT NULL, "month" date NOT NULL,
      "county_path" varchar COLLATE "C" NOT NULL, "court_id" uuid NOT NULL,
      ${CUBE_COUNTERS.map((c) => `"${c}" integer NOT NULL DEFAULT 0`).join(', ')},
      CONSTRAINT "UQ_case_stats_county" UNIQUE ("basis", "month", "county_path", "court_id"))`);
    for (const sql of statsFunctions(WITH_COUNTY, [COUNTY_PATH])) await q(sql);
    await q(`SET LOCAL statement_timeout = 0`);
    await q(
      upsert(
        'case_stats_county',
        COUNTY_KEYS,
        `SELECT t.*, ${COUNTY_PATH} FROM case_stats_totals t`,
      ),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of statsFunctions(CUBES)) await queryRunner.query(sql);
    await queryRunner.query('DROP TABLE case_stats_county');
  }
}
