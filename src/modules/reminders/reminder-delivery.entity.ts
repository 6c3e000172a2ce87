import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { ReminderChannel } from './reminder-catalogue.js';
import { Reminder } from './reminder.entity.js';

/**
 * What was sent for a reminder. The unique `(reminder_id, channel, recipient)` is the guarantee
 * that a retried or duplicated job never sends twice; an external send (SMS, webhook) is claimed
 * here first and posted with the idempotency key `reminder-<id>`.
 */
@Entity('reminder_deliveries')
@Check('CHK_reminder_deliveries_status', `"status" IN ('pending', 'sent', 'failed')`)
@Index('UQ_reminder_deliveries_once', ['reminderId', 'channel', 'recipient'], { unique: true })
export class ReminderDelivery {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'bigint' })
  reminderId: string;

  @ManyToOne(() => Reminder, { onDelete: 'CASCADE' })
  reminder?: Relation<Reminder>;

  @Column({ type: 'varchar', length: 8 })
  channel: ReminderChannel;

  /** `user:<id>`, `party:<id>`, `court:<id>`: never a phone number. */
  @Column({ type: 'varchar', length: 64 })
  recipient: string;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status: 'pending' | 'sent' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
