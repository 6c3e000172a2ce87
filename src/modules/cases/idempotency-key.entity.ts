import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonObject } from '../../common/json.js';

/**
 * A client's `Idempotency-Key` for a create: the same key and body replay the first response;
 * the same key with another body is a 409. Keyed per user so keys cannot collide across clients.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  /** SHA-256 of the canonical request body. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'integer' })
  statusCode: number;

  @Column({ type: 'jsonb' })
  response: JsonObject;

  @Index('IDX_idempotency_keys_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
