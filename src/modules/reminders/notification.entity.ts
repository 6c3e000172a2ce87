import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity.js';

/** An in-app notification: what a reminder says to a user, in her inbox. */
@Entity('notifications')
@Index('IDX_notifications_user', ['userId', 'createdAt'])
@Index('IDX_notifications_user_unread', ['userId'], { where: `"read_at" IS NULL` })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: Relation<User>;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  /** One notification per reminder, whatever happens to the job. */
  @Index('UQ_notifications_reminder', { unique: true })
  @Column({ type: 'bigint', nullable: true })
  reminderId: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
