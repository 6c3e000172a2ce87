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
import type { JsonObject } from '../../../common/json.js';
import { Case } from '../case.entity.js';

export const SESSION_MODES = ['in_person', 'phone', 'video'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
export const SESSION_FORMATS = ['joint', 'shuttle'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A mediation session and, once held, its record (调解笔录) — confidential: never shown to clerks. */
@Entity('case_sessions')
@Check('CHK_case_sessions_mode', `"mode" IN ('in_person', 'phone', 'video')`)
@Check('CHK_case_sessions_format', `"format" IN ('joint', 'shuttle')`)
@Check('CHK_case_sessions_status', `"status" IN ('scheduled', 'held', 'cancelled', 'no_show')`)
@Check('CHK_case_sessions_duration', `"duration_minutes" BETWEEN 10 AND 600`)
@Index('IDX_case_sessions_mediator_time', ['mediatorId', 'scheduledAt'])
export class CaseSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_sessions_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'uuid' })
  mediatorId: string;

  @Column({ type: 'timestamptz' })
  scheduledAt: Date;

  @Column({ type: 'integer', default: 60 })
  durationMinutes: number;

  /** A room of the organisation (百合调解室) or free text (a women's home, a party's house). */
  @Column({ type: 'varchar', length: 200 })
  location: string;

  @Column({ type: 'varchar', length: 16 })
  mode: SessionMode;

  @Column({ type: 'varchar', length: 16 })
  format: SessionFormat;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status: SessionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  /** The 调解笔录: times, attendees, note-taker, matters, statements, result, next steps, judge guidance. */
  @Column({ type: 'jsonb', nullable: true })
  record: JsonObject | null;

  @Column({ type: 'timestamptz', nullable: true })
  recordedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
