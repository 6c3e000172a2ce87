import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from '../../common/json.js';

/**
 * Append-only audit trail. Each row carries the SHA-256 of the previous row's hash and its own
 * content (hash chain); the database refuses UPDATE, DELETE and TRUNCATE (migration trigger).
 */
@Entity('audit_events')
@Index('IDX_audit_events_case_id', ['caseId', 'id'])
@Index('IDX_audit_events_actor_id', ['actorId', 'id'])
@Index('IDX_audit_events_entity', ['entityType', 'entityId'])
@Index('IDX_audit_events_occurred_at', ['occurredAt'])
export class AuditEvent {
  /** bigint: ordering of the chain. TypeORM returns it as a string. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  /** What happened, `entity.verb` (`user.created`, `auth.login_failed`, `case.accepted`). */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  /** Region path of the object, so a supervisor's audit view can be scoped. */
  @Column({ type: 'varchar', length: 255, nullable: true, collation: 'C' })
  regionPath: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  /** Masked where sensitive: never a full ID number, phone, password or token. */
  @Column({ type: 'jsonb', nullable: true })
  before: JsonObject | null;

  @Column({ type: 'jsonb', nullable: true })
  after: JsonObject | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
