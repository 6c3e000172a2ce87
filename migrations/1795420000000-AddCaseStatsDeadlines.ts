import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the open cases' deadlines as a rollup, so the summary's overdue and at-risk counts
 * cost the same at 10 M cases as at 1 M (read from the deadline index they grew with the table:
 * ~15 000 entries for a city at 10 M, mostly reviews waiting since long past deadlines).
 *
 * `case_stats_deadlines` counts the open cases (status other than closed, a deadline set) by county
 * and court twice over: by the Asia/Shanghai month of the deadline (grain `month`, `due` = the
 * month's first instant) and by the deadline instant itself (grain `at`). Every deadline of a month
 * before the current one is past; the current month's and later ones are compared with "now"
 * instant by instant. So the counts are exact whatever the deadline's time of day, and a city's
 * question reads ~40 months and ~30 days per county, however many cases there are.
 *
 * `stats_deadline_keys()` is the one definition of a case's keys: the trigger, the recount
 * (`case_stats_deadlines_v`, `stats_deadlines_rebuild()`) and `npm run stats:verify` use it. The
 * triggers apply (new − old) in key order in the same transaction as the change to the case.
 */
export class AddCaseStatsDeadlines1795420000000 implements MigrationInterface {
  name = 'AddCaseStatsDeadlines1795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE case_stats_deadlines (
      "grain" varchar(5) NOT NULL CHECK ("grain" IN ('month', 'at')),
      "due" timestamptz NOT NULL,
      "county_path" varchar COLLATE "C" NOT NULL,
      "court_id" uuid NOT NULL,
      "open" integer NOT NULL,
      CONSTRAINT "UQ_case_stats_deadlines" UNIQUE ("grain", "due", "county_path", "court_id"))`);
    await q(`CREATE FUNCTION stats_deadline_keys(p_deadline timestamptz, p_region_path varchar)
      RETURNS TABLE (grain varchar, due timestamptz, county_path varchar)
      LANGUAGE sql STABLE AS $$
        SELECT g.grain, g.due, regexp_replace(p_region_path, '[^.]+\\.[^.]+\\.$', '')::varchar COLLATE "C"
        FROM (VALUES
          ('month'::varchar,
           date_trunc('month', p_deadline AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'),
          ('at'::varchar, p_deadline)) g(grain, due)
      $$`);
    await q(`CREATE VIEW case_stats_deadlines_v AS
      SELECT k.grain, k.due, k.county_path, c.court_id, count(*)::int AS open
      FROM cases c CROSS JOIN LATERAL stats_deadline_keys(c.deadline_at, c.region_path) k
      WHERE c.status <> 'closed' AND c.deadline_at IS NOT NULL
      GROUP BY k.grain, k.due, k.county_path, c.court_id`);
    await q(`CREATE FUNCTION stats_deadlines_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE case_stats_deadlines;
        INSERT INTO case_stats_deadlines (grain, due, county_path, court_id, open)
          SELECT grain, due, county_path, court_id, open FROM case_stats_deadlines_v
          ORDER BY grain, due, county_path, court_id;
      END $$`);
    // OLD is NULL on INSERT and NEW on DELETE: their rows are filtered out by the operation.
    await q(`CREATE FUNCTION stats_deadlines_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_stats_deadlines AS t (grain, due, county_path, court_id, open)
        SELECT k.grain, k.due, k.county_path, d.court_id, sum(d.n)::int
        FROM (
          SELECT -1 AS n, OLD.deadline_at AS deadline_at, OLD.region_path::varchar AS region_path,
                 OLD.court_id AS court_id
          WHERE TG_OP <> 'INSERT' AND OLD.status <> 'closed' AND OLD.deadline_at IS NOT NULL
          UNION ALL
          SELECT 1, NEW.deadline_at, NEW.region_path::varchar, NEW.court_id
          WHERE TG_OP <> 'DELETE' AND NEW.status <> 'closed' AND NEW.deadline_at IS NOT NULL
        ) d CROSS JOIN LATERAL stats_deadline_keys(d.deadline_at, d.region_path) k
        GROUP BY k.grain, k.due, k.county_path, d.court_id
        HAVING sum(d.n) <> 0
        ORDER BY k.grain, k.due, k.county_path, d.court_id
        ON CONFLICT (grain, due, county_path, court_id) DO UPDATE SET open = t.open + EXCLUDED.open;
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER stats_deadlines_insert_delete AFTER INSERT OR DELETE ON cases
      FOR EACH ROW EXECUTE FUNCTION stats_deadlines_changed()`);
    await q(`CREATE TRIGGER stats_deadlines_update AFTER UPDATE ON cases FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at
        OR OLD.region_path IS DISTINCT FROM NEW.region_path OR OLD.court_id IS DISTINCT FROM NEW.court_id)
      EXECUTE FUNCTION stats_deadlines_changed()`);
    // The open cases that exist already (~200 000 of 10 M take seconds).
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`SELECT stats_deadlines_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q('DROP TRIGGER stats_deadlines_update ON cases');
    await q('DROP TRIGGER stats_deadlines_insert_delete ON cases');
    await q('DROP FUNCTION stats_deadlines_changed()');
    await q('DROP FUNCTION stats_deadlines_rebuild()');
    await q('DROP VIEW case_stats_deadlines_v');
    await q('DROP FUNCTION stats_deadline_keys(timestamptz, varchar)');
    await q('DROP TABLE case_stats_deadlines');
  }
}
