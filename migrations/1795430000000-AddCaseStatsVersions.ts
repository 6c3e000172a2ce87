import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: a version for each county × court cell of the rollup, so an API process can keep a
 * computed answer and know, with one small read, whether it still holds.
 *
 * Every change to a case's facts re-writes the county cube rows of its old and its new cell (the
 * cube is the coarsest sum of the facts, and the refresh upserts both cells even when they net to
 * zero); a row trigger on `case_stats_county` gives the cell a new version from a sequence, in the
 * same transaction. A TRUNCATE of the cube (a rebuild) gives every cell a new one. Versions only
 * grow and rows are never deleted, so over a set of cells `count(*)` and `sum(version)` together
 * change whenever a cell of the set changes, and never repeat, even after the tables are emptied
 * (the sequence is not owned by a table: TRUNCATE … RESTART IDENTITY leaves it).
 */
export class AddCaseStatsVersions1795430000000 implements MigrationInterface {
  name = 'AddCaseStatsVersions1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE SEQUENCE case_stats_version_seq`);
    await q(`CREATE TABLE case_stats_versions (
      "county_path" varchar COLLATE "C" NOT NULL,
      "court_id" uuid NOT NULL,
      "version" bigint NOT NULL,
      CONSTRAINT "PK_case_stats_versions" PRIMARY KEY ("county_path", "court_id"))`);
    await q(`CREATE FUNCTION stats_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_stats_versions (county_path, court_id, version)
          VALUES (NEW.county_path, NEW.court_id, nextval('case_stats_version_seq'))
          ON CONFLICT (county_path, court_id) DO UPDATE SET version = EXCLUDED.version;
        RETURN NULL;
      END $$`);
    await q(`CREATE FUNCTION stats_versions_bump_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_stats_versions SET version = nextval('case_stats_version_seq');
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER stats_version_county AFTER INSERT OR UPDATE ON case_stats_county
      FOR EACH ROW EXECUTE FUNCTION stats_version_bump()`);
    await q(`CREATE TRIGGER stats_versions_truncate AFTER TRUNCATE ON case_stats_county
      FOR EACH STATEMENT EXECUTE FUNCTION stats_versions_bump_all()`);
    // The cells that hold cases already.
    await q(`INSERT INTO case_stats_versions (county_path, court_id, version)
      SELECT county_path, court_id, nextval('case_stats_version_seq')
      FROM (SELECT DISTINCT county_path, court_id FROM case_stats_county) k
      ORDER BY county_path, court_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER stats_versions_truncate ON case_stats_county`);
    await q(`DROP TRIGGER stats_version_county ON case_stats_county`);
    await q(`DROP FUNCTION stats_versions_bump_all()`);
    await q(`DROP FUNCTION stats_version_bump()`);
    await q(`DROP TABLE case_stats_versions`);
    await q(`DROP SEQUENCE case_stats_version_seq`);
  }
}
