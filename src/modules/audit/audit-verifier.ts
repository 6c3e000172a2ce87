import type { DataSource } from 'typeorm';
import type { JsonObject } from '../../common/json.js';
import { ChainRow, ChainVerdict, GENESIS_HASH, verifyChain } from './audit-chain.js';

interface RawRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_path: string | null;
  case_id: string | null;
  before: JsonObject | null;
  after: JsonObject | null;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

const toChainRow = (r: RawRow): ChainRow => ({
  id: r.id,
  occurredAt: r.occurred_at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  regionPath: r.region_path,
  caseId: r.case_id,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
  ip: r.ip,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Walks the whole audit chain in id order, in batches, and reports the first broken link. */
export async function verifyAuditTrail(
  dataSource: DataSource,
  batchSize = 5_000,
): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let after = '0';
  let checked = 0;
  for (;;) {
    const rows: RawRow[] = await dataSource.query(
      `SELECT id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, region_path, case_id,
              before, after, request_id, ip, prev_hash, hash
         FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, batchSize],
    );
    if (rows.length === 0) return { ok: true, checked };
    const verdict = verifyChain(rows.map(toChainRow), prev);
    if (!verdict.ok) return { ...verdict, checked: checked + verdict.checked };
    checked += verdict.checked;
    prev = rows[rows.length - 1].hash;
    after = rows[rows.length - 1].id;
  }
}
