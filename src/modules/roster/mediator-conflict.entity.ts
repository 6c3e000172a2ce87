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
import { User } from '../users/user.entity.js';

export const CONFLICT_REASONS = ['kin', 'same_household', 'party_request', 'other'] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/**
 * A declared conflict of interest: with a person (by the blind index of her ID number, so the
 * number is never stored) or with a case. Either keeps the mediator off the case.
 */
@Entity('mediator_conflicts')
@Check('CHK_mediator_conflicts_subject', `"case_id" IS NOT NULL OR "party_id_index" IS NOT NULL`)
@Check(
  'CHK_mediator_conflicts_reason',
  `"reason" IN ('kin', 'same_household', 'party_request', 'other')`,
)
export class MediatorConflict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_mediator_conflicts_mediator_id')
  @Column({ type: 'uuid' })
  mediatorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  mediator?: Relation<User>;

  @Index('IDX_mediator_conflicts_case_id')
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Index('IDX_mediator_conflicts_party_id_index')
  @Column({ type: 'char', length: 64, nullable: true })
  partyIdIndex: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  partyName: string | null;

  @Column({ type: 'varchar', length: 16 })
  reason: ConflictReason;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'uuid' })
  declaredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
