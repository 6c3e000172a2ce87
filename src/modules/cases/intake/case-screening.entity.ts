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
import { Party } from './party.entity.js';

export const RECOMMENDATIONS = ['joint', 'shuttle', 'not_suitable'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The structured questionnaire; any `true` is a domestic-violence indicator. */
export interface ScreeningAnswers {
  physicalViolence: boolean;
  threats: boolean;
  coerciveControl: boolean;
  fearOfOtherParty: boolean;
  childrenAtRisk: boolean;
  protectionOrderInForce: boolean;
}

/**
 * Safety screening of one party, done separately for each. The answers and notes are DV details:
 * stored encrypted, shown only in a case's detail to the roles that work the case.
 */
@Entity('case_screenings')
@Check(
  'CHK_case_screenings_recommendation',
  `"recommendation" IN ('joint', 'shuttle', 'not_suitable')`,
)
export class CaseScreening {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_screenings_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Index('UQ_case_screenings_party_id', { unique: true })
  @Column({ type: 'uuid' })
  partyId: string;

  @ManyToOne(() => Party, { onDelete: 'CASCADE' })
  party?: Relation<Party>;

  /** FieldCipher ciphertext of the JSON answers and notes. */
  @Column({ type: 'text' })
  answersEncrypted: string;

  @Column({ type: 'boolean' })
  dvIndicator: boolean;

  @Column({ type: 'varchar', length: 16 })
  recommendation: Recommendation;

  /** 人身安全保护令 referral: when referred, and the court's ruling deadline (72 h, 24 h if urgent). */
  @Column({ type: 'timestamptz', nullable: true })
  protectionOrderReferredAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  protectionOrderUrgent: boolean | null;

  @Column({ type: 'timestamptz', nullable: true })
  protectionOrderRulingDueAt: Date | null;

  @Column({ type: 'timestamptz' })
  screenedAt: Date;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
