import type { TestApp } from './app.js';
import type { World } from './world.js';

export interface Fixture {
  region: keyof World['regions'];
  court?: 'a' | 'b';
  received: string;
  accepted?: string;
  deadline?: string;
  closed?: string;
  result?: string;
  status?: string;
  dispute?: string;
  dv?: boolean;
  mediator?: boolean;
}

/**
 * Cases written straight into the table with the instants that matter for statistics (the rollup
 * is kept by the database's triggers, whatever writes the rows).
 */
export function statsFixture(current: () => { t: TestApp; world: World }) {
  let seq = 0;
  async function insertCase(f: Fixture): Promise<string> {
    const { t, world } = current();
    seq += 1;
    const [region] = await t.ds.query(`SELECT path FROM regions WHERE id = $1`, [
      world.regions[f.region],
    ]);
    const [row] = await t.ds.query(
      `INSERT INTO cases (case_number, court_id, year, sequence, mediation_kind, dispute_type, source,
         summary, claims, received_at, region_id, region_path, status, result, dv_flag, mediator_id,
         accepted_at, deadline_at, closed_at, created_by)
       VALUES ($1, $2, 2026, $3, 'pre_filing', $4, 'court_referral', '-', '-', $5, $6, $7, $8, $9,
         $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        `(2026)T诉前调${seq}号`,
        world.courts[f.court ?? 'a'],
        seq,
        f.dispute ?? 'divorce',
        f.received,
        world.regions[f.region],
        region.path,
        f.status ?? (f.closed ? 'closed' : f.accepted ? 'in_mediation' : 'received'),
        f.result ?? null,
        f.dv ?? false,
        f.mediator ? world.users.mediatorX1 : null,
        f.accepted ?? null,
        f.deadline ?? null,
        f.closed ?? null,
        world.users.clerkA,
      ],
    );
    return row.id;
  }

  /** The fixture; the comments give each case's Asia/Shanghai dates. */
  async function seedFixture(): Promise<void> {
    const { t } = current();
    // c1 received 04-01 00:30 (31 March in UTC), accepted 04-02, closed 04-20 reconciled: 18 days.
    await insertCase({
      region: 'x1',
      received: '2026-03-31T16:30:00Z',
      accepted: '2026-04-02T01:00:00Z',
      deadline: '2026-05-02T15:59:59Z',
      closed: '2026-04-20T02:00:00Z',
      result: 'reconciled',
      mediator: true,
    });
    // c2 received 03-31 23:30 (March), accepted 04-01, deadline 04-30, closed 05-05 (late): 34 days.
    await insertCase({
      region: 'x1',
      received: '2026-03-31T15:30:00Z',
      accepted: '2026-04-01T02:00:00Z',
      deadline: '2026-04-30T15:59:59Z',
      closed: '2026-05-05T02:00:00Z',
      result: 'no_agreement',
      dispute: 'custody',
      mediator: true,
    });
    // c3 received 04-10, withdrawn 04-11 before acceptance.
    await insertCase({
      region: 'x2',
      received: '2026-04-10T02:00:00Z',
      closed: '2026-04-11T02:00:00Z',
      result: 'withdrawn',
    });
    // c4 received 04-15, accepted 04-16, still in mediation, deadline far away.
    await insertCase({
      region: 'y1',
      received: '2026-04-15T02:00:00Z',
      accepted: '2026-04-16T02:00:00Z',
      deadline: '2027-12-31T15:59:59Z',
    });
    // c5 received 04-20, accepted 04-21, closed 05-01 00:30 (30 April in UTC), ancillary agreement,
    // applied for judicial confirmation, followed up and performed, DV-flagged: 10 days.
    const c5 = await insertCase({
      region: 'y1',
      received: '2026-04-20T02:00:00Z',
      accepted: '2026-04-21T02:00:00Z',
      deadline: '2026-05-21T15:59:59Z',
      closed: '2026-04-30T16:30:00Z',
      result: 'ancillary_agreed',
      dv: true,
    });
    await t.ds.query(`INSERT INTO case_tracking (case_id, jc_applied_at) VALUES ($1, $2)`, [
      c5,
      '2026-05-03T02:00:00Z',
    ]);
    await t.ds.query(
      `INSERT INTO case_follow_ups (case_id, kind, due_on, visited_at, performance)
       VALUES ($1, 'settlement_30', '2026-05-31', '2026-05-30T02:00:00Z', 'performed')`,
      [c5],
    );
    // c6 another court's case, received 04-05, expired.
    await insertCase({
      region: 'z1',
      court: 'b',
      received: '2026-04-05T02:00:00Z',
      accepted: '2026-04-05T03:00:00Z',
      deadline: '2026-05-05T15:59:59Z',
      closed: '2026-05-06T00:00:00Z',
      result: 'expired',
    });
  }

  return { insertCase, seedFixture };
}
