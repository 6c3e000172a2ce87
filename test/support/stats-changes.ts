import type { TestApp } from './app.js';
import type { World } from './world.js';

/**
 * Random workflow changes to the cases the statistics count, written straight into the tables (the
 * rollup is kept by the database's triggers, whatever writes the rows): acceptance and deadlines,
 * closure and reopening, mediators, dispute type and DV flag, moves into villages of county A (from
 * its other township or from county B), judicial confirmation and follow-ups. Deterministic for a
 * seed.
 */
export function randomChanges(t: TestApp, world: World, seed = 7) {
  let state = seed;
  const rand = (n: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
  /** An instant in 2026 and after, in steps of 7 hours. */
  const day = (d: number): string =>
    new Date(Date.UTC(2026, 0, 1) + d * 3_600_000 * 7).toISOString();
  const results = [
    'reconciled',
    'divorce_agreed',
    'ancillary_agreed',
    'no_agreement',
    'withdrawn',
    'expired',
  ];
  const changes: [string, () => unknown[]][] = [
    [
      `UPDATE cases SET accepted_at = $2, deadline_at = $3, status = CASE WHEN status = 'closed' THEN status ELSE 'in_mediation' END WHERE id = $1`,
      () => [day(rand(1000)), day(rand(1200))],
    ],
    [
      `UPDATE cases SET status = 'closed', closed_at = $2, result = $3 WHERE id = $1`,
      () => [day(rand(1200)), results[rand(results.length)]],
    ],
    [
      `UPDATE cases SET status = 'in_mediation', closed_at = NULL, result = NULL WHERE id = $1`,
      () => [],
    ],
    [
      `UPDATE cases SET mediator_id = CASE WHEN mediator_id IS NULL THEN $2::uuid END WHERE id = $1`,
      () => [world.users.mediatorX1],
    ],
    [
      `UPDATE cases SET dv_flag = NOT dv_flag, dispute_type = $2 WHERE id = $1`,
      () => [['divorce', 'custody', 'property'][rand(3)]],
    ],
    [
      `UPDATE cases SET region_id = r.id, region_path = r.path FROM regions r WHERE cases.id = $1 AND r.id = $2`,
      () => [world.regions[(['x1', 'x2', 'y1'] as const)[rand(3)]]],
    ],
    [
      `INSERT INTO case_tracking (case_id, jc_applied_at) VALUES ($1, $2) ON CONFLICT (case_id) DO UPDATE SET jc_applied_at = EXCLUDED.jc_applied_at`,
      () => [rand(2) ? day(rand(1200)) : null],
    ],
    [
      `INSERT INTO case_follow_ups (case_id, kind, due_on, visited_at, performance) VALUES ($1, 'ad_hoc', '2026-06-01', $2, $3)`,
      () => [day(rand(1200)), ['performed', 'partial', 'breached'][rand(3)]],
    ],
    [
      `DELETE FROM case_follow_ups WHERE id IN (SELECT id FROM case_follow_ups WHERE case_id = $1 LIMIT 1)`,
      () => [],
    ],
  ];
  return {
    rand,
    day,
    /** One random change to one of `ids`. */
    async apply(ids: string[]): Promise<void> {
      const [sql, args] = changes[rand(changes.length)];
      await t.ds.query(sql, [ids[rand(ids.length)], ...args()]);
    },
  };
}
