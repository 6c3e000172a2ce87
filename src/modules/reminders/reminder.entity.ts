import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Case } from '../cases/case.entity.js';
import type {
  RecipientType,
  ReminderChannel,
  ReminderKind,
  ReminderStatus,
} from './reminder-catalogue.js';

/**
 * One reminder to one recipient through one channel. PostgreSQL is the source of truth: the row is
 * written in the transaction of the change that causes it; Redis only carries its timer, a delayed
 * job `reminder-<id>-v<version>`. Moving a reminder bumps `version`, so an older timer is ignored.
 */
@Entity('reminders')
@Check(
  'CHK_reminders_status',
  `"status" IN ('scheduled', 'sent', 'failed', 'cancelled', 'skipped')`,
)
@Check('CHK_reminders_channel', `"channel" IN ('in_app', 'sms', 'webhook')`)
@Check('CHK_reminders_recipient_type', `"recipient_type" IN ('user', 'party', 'court')`)
@Index('IDX_reminders_case', ['caseId', 'dueAt'])
@Index('UQ_reminders_case_key_scheduled', ['caseId', 'key'], {
  unique: true,
  where: `"status" = 'scheduled'`,
})
// The re-drive sweep's walk over scheduled reminders past due (ReminderRedrive).
@Index('IDX_reminders_scheduled_due', ['dueAt', 'id'], { where: `"status" = 'scheduled'` })
export class Reminder {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 40 })
  kind: ReminderKind;

  /** Stable identity in the case's plan (kind, subject, offset, recipient, channel). */
  @Column({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'varchar', length: 8 })
  recipientType: RecipientType;

  /** A user, a party, or the court (webhook). */
  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar', length: 8 })
  channel: ReminderChannel;

  /** The session or follow-up the reminder is about. */
  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  status: ReminderStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Sent − due, in milliseconds (how late the timer fired, outages included). */
  @Column({ type: 'integer', nullable: true })
  latenessMs: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
