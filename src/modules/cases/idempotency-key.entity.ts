import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonValue } from '../../common/json.js';

/**
 * A client's `Idempotency-Key` for a create or a versioned case write: the same key and request
 * replay the first response; the same key with another request is a 409. Keyed per user so keys
 * cannot collide across clients.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  /** SHA-256 of the request (a create: its canonical body; a case write: see writeRequestHash). */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'integer' })
  statusCode: number;

  /** The first answer: the created case, a write's result, or JSON null (a write with none). */
  @Column({ type: 'jsonb' })
  response: JsonValue;

  @Index('IDX_idempotency_keys_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
