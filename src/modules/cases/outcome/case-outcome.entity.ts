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

/** A submitted outcome and its review. A returned outcome stays as history; the case gets a new one. */
@Entity('case_outcomes')
@Check(
  'CHK_case_outcomes_result',
  `"result" IN ('reconciled', 'divorce_agreed', 'ancillary_agreed', 'no_agreement', 'withdrawn')`,
)
@Check(
  'CHK_case_outcomes_route',
  `"route" IN ('none', 'court_mediation_document', 'registry_divorce', 'judicial_confirmation', 'court_filing')`,
)
@Check(
  'CHK_case_outcomes_review',
  `"review_decision" IS NULL OR "review_decision" IN ('approved', 'returned')`,
)
export class CaseOutcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_outcomes_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 24 })
  result: string;

  @Column({ type: 'varchar', length: 32 })
  route: string;

  /** The structured agreement (agreement-rules.ts `Agreement`), for settled results. */
  @Column({ type: 'jsonb', nullable: true })
  agreement: JsonObject | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** For no_agreement: the facts both sides accept, to shorten the trial. */
  @Column({ type: 'text', nullable: true })
  undisputedFacts: string | null;

  @Column({ type: 'uuid' })
  submittedBy: string;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  reviewDecision: 'approved' | 'returned' | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewComment: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
