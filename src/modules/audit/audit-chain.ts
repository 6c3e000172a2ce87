import { createHash } from 'node:crypto';
import type { JsonObject } from '../../common/json.js';

/** The fields of an audit row that its hash covers (everything but the id and the hashes). */
export interface ChainedFields {
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionPath: string | null;
  caseId: string | null;
  before: JsonObject | null;
  after: JsonObject | null;
  requestId: string | null;
  ip: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(fields))
    .digest('hex');
}

export interface ChainRow extends ChainedFields {
  id: string;
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  { ok: true; checked: number } | { ok: false; checked: number; brokenAt: string; reason: string };

/**
 * Checks rows in id order, continuing from `prevHash` (the hash of the row before the first one).
 * Reports the first row whose link or content does not match.
 */
export function verifyChain(rows: ChainRow[], prevHash = GENESIS_HASH): ChainVerdict {
  let previous = prevHash;
  let checked = 0;
  for (const row of rows) {
    if (row.prevHash !== previous) {
      return {
        ok: false,
        checked,
        brokenAt: row.id,
        reason: 'prev_hash does not match the previous row',
      };
    }
    const { id: _id, prevHash: _prev, hash, ...fields } = row;
    if (chainHash(previous, fields) !== hash) {
      return { ok: false, checked, brokenAt: row.id, reason: 'content does not match its hash' };
    }
    previous = hash;
    checked += 1;
  }
  return { ok: true, checked };
}
