import { MigrationInterface, QueryRunner } from 'typeorm';
import { CUBE_COUNTERS, statsFunctions, upsert } from './1795400000000-AddCaseStatsDurations.js';
import { COUNTY_PATH, WITH_COUNTY } from './1795400000001-AddCaseStatsCounty.js';

/**
 * Hand-written: the two cubes over every dispute type and DV flag (township × court, county ×
 * court) once more by calendar year, so a period of whole years (this year so far counts whole) is
 * read from one row per place instead of twelve: a city's last twelve months by township is 600
 * rows instead of 3 600. Filled from their monthly cubes; the refresh and rebuild functions are
 * redefined to keep them. And the monthly totals cube gets an index by month.
 */
const YEAR = `date_trunc('year', month)::date AS year`;
const YEARLY: [string, string[], string][] = [
  ['case_stats_totals_yearly', ['basis', 'year', 'township_path', 'court_id'], 'case_stats_totals'],
  ['case_stats_county_yearly', ['basis', 'year', 'county_path', 'court_id'], 'case_stats_county'],
];

export class AddCaseStatsYearly1795400000002 implements MigrationInterface {
  name = 'AddCaseStatsYearly1795400000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const [cube, keys] of YEARLY) {
      const path = keys[2];
      await q(`CREATE TABLE ${cube} (
        "basis" varchar(8) NOT NULL, "year" date NOT NULL,
        "${path}" varchar COLLATE "C" NOT NULL, "court_id" uuid NOT NULL,
        ${CUBE_COUNTERS.map((c) => `"${c}" integer NOT NULL DEFAULT 0`).join(', ')},
        CONSTRAINT "UQ_${cube}" UNIQUE ("basis", "year", "${path}", "court_id"))`);
    }
    const all: [string, string[]][] = [
      ...WITH_COUNTY,
      ...YEARLY.map(([c, k]) => [c, k] as [string, string[]]),
    ];
    for (const sql of statsFunctions(all, [COUNTY_PATH, YEAR])) await q(sql);
    // The months around whole years are read by month alone (the unique key starts with basis).
    await q(`CREATE INDEX "IDX_case_stats_totals_month" ON case_stats_totals ("month")`);
    await q(`SET LOCAL statement_timeout = 0`);
    for (const [cube, keys, monthly] of YEARLY) {
      await q(upsert(cube, keys, `SELECT m.*, ${YEAR} FROM ${monthly} m`));
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of statsFunctions(WITH_COUNTY, [COUNTY_PATH])) await queryRunner.query(sql);
    for (const [cube] of YEARLY) await queryRunner.query(`DROP TABLE ${cube}`);
    await queryRunner.query(`DROP INDEX "IDX_case_stats_totals_month"`);
  }
}
