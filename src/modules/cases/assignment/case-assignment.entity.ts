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
import { User } from '../../users/user.entity.js';
import { Case } from '../case.entity.js';

export const ASSIGNMENT_ENDINGS = ['declined', 'recused', 'reassigned', 'closed'] as const;
export type AssignmentEnding = (typeof ASSIGNMENT_ENDINGS)[number];

/** Every assignment a case had, in order; the open one has no `endedAt`. */
@Entity('case_assignments')
@Check(
  'CHK_case_assignments_end_reason',
  `"end_reason" IS NULL OR "end_reason" IN ('declined', 'recused', 'reassigned', 'closed')`,
)
@Index('IDX_case_assignments_mediator_case', ['mediatorId', 'caseId'])
@Index('UQ_case_assignments_open', ['caseId'], { unique: true, where: `"ended_at" IS NULL` })
export class CaseAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_assignments_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'uuid' })
  mediatorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  mediator?: Relation<User>;

  @Column({ type: 'uuid' })
  assignedBy: string;

  @Column({ type: 'timestamptz' })
  assignedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  endReason: AssignmentEnding | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
