import { createHash } from 'node:crypto';
import { ApiHeader } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { conflict, fieldError, validationFailed } from '../../common/errors/domain-error.js';
import type { JsonValue } from '../../common/json.js';
import { canonicalJson } from '../audit/audit-chain.js';
import { CaseCode } from './cases.codes.js';

/**
 * `Idempotency-Key`: a client (the mediator's offline outbox, a court system's retry) sends the
 * same key with the same request again, and gets the first answer without a second effect. Keys
 * are per user (`idempotency_keys`' primary key is (user_id, key)). Honoured by `POST /cases`
 * (IntakeService.create) and by every write through `CaseWriter.write` (case-writer.ts).
 *
 * Keys are kept IDEMPOTENCY_KEY_TTL_HOURS (default 72), then deleted by the hourly maintenance
 * job (IdempotencyKeyPurge, idempotency-purge.ts): a replay later than that is a new request.
 */

const KEY_FORMAT = /^[A-Za-z0-9._:-]{8,128}$/;

/** The header's value as sent (undefined when absent), or a 400 naming `Idempotency-Key`. */
export function checkIdempotencyKey(value: string | string[] | undefined): string | undefined {
  const key = Array.isArray(value) ? value[0] : value;
  if (key !== undefined && !KEY_FORMAT.test(key)) {
    throw validationFailed([fieldError('Idempotency-Key', CaseCode.IdempotencyKeyFormat)]);
  }
  return key;
}

/** The optional header in an operation's OpenAPI document. */
export const ApiIdempotencyKey = (description: string): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: `${description}。8–128 个字符（字母、数字与 . _ : -），否则 400（字段 Idempotency-Key，代码 IDEMPOTENCY.KEY_FORMAT）；同一键用于另一请求为 409 IDEMPOTENCY.KEY_REUSED`,
    schema: { type: 'string', pattern: KEY_FORMAT.source },
  });

/** A create's request: its canonical body. */
export const requestHash = (body: unknown): string =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');

/**
 * A versioned write's request: method, path (with any query), the case version it is based on
 * (from the body or If-Match) and the canonical body. A replay from an outbox sends all four
 * again as they were; any of them changed is another request.
 */
export const writeRequestHash = (
  method: string,
  url: string,
  version: number,
  body: unknown,
): string =>
  createHash('sha256')
    .update(`${method.toUpperCase()}\n${url}\n${version}\n`)
    .update(canonicalJson(body ?? null))
    .digest('hex');

/**
 * Claims an `Idempotency-Key` inside the write's transaction. The primary key makes a second
 * concurrent request with the same key wait for the first to commit (it then finds the stored
 * response) or roll back (it then claims the key itself: a failed request leaves no key). Returns
 * the stored response to replay (`response` may be JSON null: a write that answers nothing), or
 * null when this request is the first. The same key with another request is a 409.
 */
export async function claimIdempotencyKey(
  manager: EntityManager,
  userId: string,
  key: string,
  hash: string,
): Promise<{ response: JsonValue } | null> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response)
     VALUES ($1, $2, $3, 0, '{}'::jsonb) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
    [userId, key, hash],
  );
  if (inserted.length > 0) return null;
  const [existing]: { request_hash: string; response: JsonValue }[] = await manager.query(
    `SELECT request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [userId, key],
  );
  if (existing.request_hash !== hash) {
    throw conflict(CaseCode.IdempotencyKeyReused);
  }
  return { response: existing.response };
}

/** The first request's answer, stored in its own transaction (`null` for a write with none). */
export async function storeIdempotentResponse(
  manager: EntityManager,
  userId: string,
  key: string,
  statusCode: number,
  response: JsonValue,
): Promise<void> {
  await manager.query(
    `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`,
    [userId, key, statusCode, JSON.stringify(response)],
  );
}
