import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { conflict } from '../../common/errors/domain-error.js';
import type { JsonObject } from '../../common/json.js';
import { canonicalJson } from '../audit/audit-chain.js';
import { CaseCode } from './cases.codes.js';

export const requestHash = (body: unknown): string =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');

/**
 * Claims an `Idempotency-Key` inside the create's transaction. The primary key makes a second
 * concurrent request with the same key wait for the first to commit; it then finds the stored
 * response. Returns that response to replay, or null when this request is the first.
 */
export async function claimIdempotencyKey(
  manager: EntityManager,
  userId: string,
  key: string,
  hash: string,
): Promise<JsonObject | null> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response)
     VALUES ($1, $2, $3, 0, '{}'::jsonb) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [userId, key, hash],
  );
  if (inserted.length > 0) return null;
  const [existing]: { request_hash: string; response: JsonObject }[] = await manager.query(
    `SELECT request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [userId, key],
  );
  if (existing.request_hash !== hash) {
    throw conflict(CaseCode.IdempotencyKeyReused);
  }
  return existing.response;
}

export async function storeIdempotentResponse(
  manager: EntityManager,
  userId: string,
  key: string,
  statusCode: number,
  response: JsonObject,
): Promise<void> {
  await manager.query(
    `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`,
    [userId, key, statusCode, JSON.stringify(response)],
  );
}
