import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: the statistics rollup, kept by triggers in the same transaction as every change to
 * a case, its court tracking or its follow-ups, so no write path can forget it.
 *
 * - `case_stats_facts_v` is the one definition of what a case contributes: a row on the `received`
 *   basis (its Asia/Shanghai day and month of receipt) and, once closed, a row on the `closed` basis
 *   (its day and month of closure), each with 0/1 counters and its duration in days.
 * - `case_stats_facts` stores each case's current contribution; a change re-reads the view for that
 *   case, and applies (new − stored) to the two cubes in key order (no deadlock between writers).
 * - `case_stats_monthly`: month × village × court × mediator × dispute type × DV flag.
 * - `case_stats_township`: month × township × court × dispute type × DV flag (150× fewer rows: a
 *   city's year is a few thousand rows).
 * - `stats_rebuild()` recounts everything from the view (after a bulk load with triggers off);
 *   `npm run stats:verify` compares the cubes with that recount.
 */
export const COUNTERS = [
  'cases',
  'accepted',
  'closed',
  'closed_mediated',
  'succeeded',
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
  'no_agreement',
  'withdrawn',
  'refused',
  'unsuitable',
  'expired',
  'on_time',
  'duration_days',
  'jc_applied',
  'followed_up',
  'performed',
];
export const FINE_KEYS = [
  'basis',
  'month',
  'region_id',
  'region_path',
  'court_id',
  'mediator_id',
  'dispute_type',
  'dv_flag',
];
export const COARSE_KEYS = [
  'basis',
  'month',
  'township_path',
  'court_id',
  'dispute_type',
  'dv_flag',
];
const SUCCESS = `('reconciled', 'divorce_agreed', 'ancillary_agreed')`;
const RESULTS = [
  'reconciled',
  'divorce_agreed',
  'ancillary_agreed',
  'no_agreement',
  'withdrawn',
  'refused',
  'unsuitable',
  'expired',
];

const counterColumns = COUNTERS.map((c) => `"${c}" integer NOT NULL DEFAULT 0`).join(', ');
export const list = (names: string[], prefix = ''): string =>
  names.map((n) => prefix + n).join(', ');

/** Adds `delta` (a SELECT of keys + counters) into `cube`, rows in key order. */
export const upsert = (cube: string, keys: string[], delta: string): string => `
  INSERT INTO ${cube} (${list(keys)}, ${list(COUNTERS)})
  SELECT ${list(keys)}, ${COUNTERS.map((c) => `sum(${c})`).join(', ')}
  FROM (${delta}) d GROUP BY ${list(keys)} ORDER BY ${list(keys)}
  ON CONFLICT (${list(keys.filter((k) => k !== 'region_path'))}) DO UPDATE SET
  ${COUNTERS.map((c) => `${c} = ${cube}.${c} + EXCLUDED.${c}`).join(', ')}`;

export class AddCaseStats1795389759193 implements MigrationInterface {
  name = 'AddCaseStats1795389759193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    const shanghai = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')`;
    const flag = (expr: string) => `((${expr}) IS TRUE)::int`;
    await q(`CREATE VIEW case_stats_facts_v AS
      SELECT c.id AS case_id, b.basis,
        ${shanghai(`CASE b.basis WHEN 'received' THEN c.received_at ELSE c.closed_at END`)}::date AS day,
        date_trunc('month', ${shanghai(`CASE b.basis WHEN 'received' THEN c.received_at ELSE c.closed_at END`)})::date AS month,
        c.region_id, c.region_path::varchar COLLATE "C" AS region_path,
        regexp_replace(c.region_path, '[^.]+\\.$', '')::varchar COLLATE "C" AS township_path,
        c.court_id, c.mediator_id, c.dispute_type::varchar AS dispute_type, c.dv_flag,
        1 AS cases,
        ${flag('c.accepted_at IS NOT NULL')} AS accepted,
        ${flag(`c.status = 'closed'`)} AS closed,
        ${flag(`c.status = 'closed' AND c.accepted_at IS NOT NULL`)} AS closed_mediated,
        ${flag(`c.result IN ${SUCCESS}`)} AS succeeded,
        ${RESULTS.map((r) => `${flag(`c.result = '${r}'`)} AS ${r}`).join(',\n        ')},
        ${flag(`c.status = 'closed' AND c.accepted_at IS NOT NULL AND c.closed_at <= c.deadline_at`)} AS on_time,
        CASE WHEN c.status = 'closed' AND c.accepted_at IS NOT NULL
          THEN ${shanghai('c.closed_at')}::date - ${shanghai('c.accepted_at')}::date ELSE 0 END AS duration_days,
        ${flag(`c.result = 'ancillary_agreed' AND t.jc_applied_at IS NOT NULL`)} AS jc_applied,
        ${flag(`c.result IN ${SUCCESS} AND f.performance IS NOT NULL`)} AS followed_up,
        ${flag(`c.result IN ${SUCCESS} AND f.performance = 'performed'`)} AS performed
      FROM cases c
      CROSS JOIN (VALUES ('received'::varchar), ('closed'::varchar)) b(basis)
      LEFT JOIN case_tracking t ON t.case_id = c.id
      LEFT JOIN LATERAL (
        SELECT fu.performance FROM case_follow_ups fu
        WHERE fu.case_id = c.id AND fu.performance IS NOT NULL
        ORDER BY fu.visited_at DESC NULLS LAST, fu.created_at DESC LIMIT 1
      ) f ON true
      WHERE b.basis = 'received' OR c.status = 'closed'`);

    const keyColumns = `"basis" varchar(8) NOT NULL, "month" date NOT NULL`;
    await q(`CREATE TABLE case_stats_facts (
      "case_id" uuid NOT NULL, ${keyColumns}, "day" date NOT NULL,
      "region_id" uuid NOT NULL, "region_path" varchar COLLATE "C" NOT NULL,
      "township_path" varchar COLLATE "C" NOT NULL, "court_id" uuid NOT NULL, "mediator_id" uuid,
      "dispute_type" varchar NOT NULL, "dv_flag" boolean NOT NULL, ${counterColumns},
      CONSTRAINT "PK_case_stats_facts" PRIMARY KEY ("case_id", "basis"))`);
    await q(`CREATE INDEX "IDX_case_stats_facts_day" ON case_stats_facts ("basis", "day")`);
    await q(`CREATE TABLE case_stats_monthly (
      ${keyColumns}, "region_id" uuid NOT NULL, "region_path" varchar COLLATE "C" NOT NULL,
      "court_id" uuid NOT NULL, "mediator_id" uuid, "dispute_type" varchar NOT NULL,
      "dv_flag" boolean NOT NULL, ${counterColumns})`);
    await q(`CREATE UNIQUE INDEX "UQ_case_stats_monthly" ON case_stats_monthly
      ("basis", "month", "region_id", "court_id", "mediator_id", "dispute_type", "dv_flag") NULLS NOT DISTINCT`);
    await q(
      `CREATE INDEX "IDX_case_stats_monthly_path" ON case_stats_monthly ("region_path", "month")`,
    );
    await q(`CREATE TABLE case_stats_township (
      ${keyColumns}, "township_path" varchar COLLATE "C" NOT NULL, "court_id" uuid NOT NULL,
      "dispute_type" varchar NOT NULL, "dv_flag" boolean NOT NULL, ${counterColumns},
      CONSTRAINT "UQ_case_stats_township" UNIQUE
        ("basis", "month", "township_path", "court_id", "dispute_type", "dv_flag"))`);

    const negated = `SELECT ${list(FINE_KEYS)}, township_path, ${COUNTERS.map((c) => `-${c} AS ${c}`).join(', ')}
      FROM case_stats_facts WHERE case_id = p_case`;
    const fresh = `SELECT ${list(FINE_KEYS)}, township_path, ${list(COUNTERS)}
      FROM case_stats_facts_v WHERE case_id = p_case`;
    const delta = `${negated} UNION ALL ${fresh}`;
    await q(`CREATE FUNCTION stats_refresh_case(p_case uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert('case_stats_monthly', FINE_KEYS, delta)};
        ${upsert('case_stats_township', COARSE_KEYS, delta)};
        DELETE FROM case_stats_facts WHERE case_id = p_case;
        INSERT INTO case_stats_facts (case_id, ${list(FINE_KEYS)}, day, township_path, ${list(COUNTERS)})
          SELECT case_id, ${list(FINE_KEYS)}, day, township_path, ${list(COUNTERS)}
          FROM case_stats_facts_v WHERE case_id = p_case;
      END $$`);
    await q(`CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE case_stats_facts, case_stats_monthly, case_stats_township;
        INSERT INTO case_stats_facts (case_id, ${list(FINE_KEYS)}, day, township_path, ${list(COUNTERS)})
          SELECT case_id, ${list(FINE_KEYS)}, day, township_path, ${list(COUNTERS)}
          FROM case_stats_facts_v;
        ${upsert('case_stats_monthly', FINE_KEYS, 'SELECT * FROM case_stats_facts')};
        ${upsert('case_stats_township', COARSE_KEYS, 'SELECT * FROM case_stats_facts')};
      END $$`);
    await q(`CREATE FUNCTION stats_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stats_refresh_case(CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END);
        RETURN NULL;
      END $$`);
    await q(`CREATE FUNCTION stats_case_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM stats_refresh_case(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
        RETURN NULL;
      END $$`);
    const watched = [
      'status',
      'result',
      'received_at',
      'accepted_at',
      'deadline_at',
      'closed_at',
      'region_id',
      'region_path',
      'court_id',
      'mediator_id',
      'dispute_type',
      'dv_flag',
    ];
    await q(`CREATE TRIGGER stats_cases_insert_delete AFTER INSERT OR DELETE ON cases
      FOR EACH ROW EXECUTE FUNCTION stats_case_row_changed()`);
    await q(`CREATE TRIGGER stats_cases_update AFTER UPDATE ON cases FOR EACH ROW
      WHEN (${watched.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
      EXECUTE FUNCTION stats_case_row_changed()`);
    await q(`CREATE TRIGGER stats_case_tracking AFTER INSERT OR UPDATE OR DELETE ON case_tracking
      FOR EACH ROW EXECUTE FUNCTION stats_case_changed()`);
    await q(`CREATE TRIGGER stats_case_follow_ups AFTER INSERT OR UPDATE OR DELETE ON case_follow_ups
      FOR EACH ROW EXECUTE FUNCTION stats_case_changed()`);
    // Cases that exist already (a million take ~20 s: no statement timeout for this one).
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`SELECT stats_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q('DROP TRIGGER stats_case_follow_ups ON case_follow_ups');
    await q('DROP TRIGGER stats_case_tracking ON case_tracking');
    await q('DROP TRIGGER stats_cases_update ON cases');
    await q('DROP TRIGGER stats_cases_insert_delete ON cases');
    await q('DROP FUNCTION stats_case_row_changed()');
    await q('DROP FUNCTION stats_case_changed()');
    await q('DROP FUNCTION stats_rebuild()');
    await q('DROP FUNCTION stats_refresh_case(uuid)');
    await q('DROP TABLE case_stats_township');
    await q('DROP TABLE case_stats_monthly');
    await q('DROP TABLE case_stats_facts');
    await q('DROP VIEW case_stats_facts_v');
  }
}
