import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from '../common/json.js';

export const OUTBOX_STATUSES = ['pending', 'enqueued', 'processed', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A job to enqueue, written in the same transaction as the change that causes it. The relay in
 * the worker enqueues it under `jobId` (deterministic, so enqueueing twice is a no-op); the
 * reconciler re-enqueues rows whose job Redis lost.
 */
@Entity('outbox')
@Check('CHK_outbox_status', `"status" IN ('pending', 'enqueued', 'processed', 'failed')`)
@Index('IDX_outbox_pending', ['id'], { where: `"status" = 'pending'` })
@Index('IDX_outbox_enqueued', ['id'], { where: `"status" = 'enqueued'` })
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  queue: string;

  @Column({ type: 'varchar', length: 64 })
  jobName: string;

  @Index('UQ_outbox_job_id', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  jobId: string;

  /**
   * The id the job has in Redis when it cannot be `jobId`: the reconciler found that id taken by
   * a job not this row's, and re-enqueued the row under one that cannot collide.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  queueJobId: string | null;

  /** Ids only: no personal data travels through Redis. */
  @Column({ type: 'jsonb' })
  payload: JsonObject;

  /** When the job should run; the relay turns it into a BullMQ delay. */
  @Column({ type: 'timestamptz' })
  runAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  enqueueAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
