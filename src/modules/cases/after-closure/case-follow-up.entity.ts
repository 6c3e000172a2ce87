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
import { Case } from '../case.entity.js';

export const FOLLOW_UP_KINDS = ['settlement_30', 'settlement_90', 'dv_7', 'ad_hoc'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const PERFORMANCE = ['performed', 'partial', 'breached'] as const;
export type Performance = (typeof PERFORMANCE)[number];

/**
 * A follow-up visit (回访): scheduled on closure (30 and 90 days after a settlement, 7 days for a
 * DV-flagged case) or ad hoc, then recorded.
 */
@Entity('case_follow_ups')
@Check('CHK_case_follow_ups_kind', `"kind" IN ('settlement_30', 'settlement_90', 'dv_7', 'ad_hoc')`)
@Check(
  'CHK_case_follow_ups_performance',
  `"performance" IS NULL OR "performance" IN ('performed', 'partial', 'breached')`,
)
@Check(
  'CHK_case_follow_ups_satisfaction',
  `"satisfaction" IS NULL OR "satisfaction" BETWEEN 1 AND 5`,
)
export class CaseFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_follow_ups_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 16 })
  kind: FollowUpKind;

  @Index('IDX_case_follow_ups_due_on')
  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'timestamptz', nullable: true })
  visitedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  partyId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  performance: Performance | null;

  @Column({ type: 'smallint', nullable: true })
  satisfaction: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  riskSigns: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  measures: string | null;

  @Column({ type: 'uuid', nullable: true })
  visitedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
