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
import type { DisputeType } from '../cases/case.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Region } from '../regions/region.entity.js';
import { User } from '../users/user.entity.js';
import type { ReportOutcome, ReportStatus, ReviewDecision, RiskLevel } from './sentinel-rules.js';

export const REPORT_PARTY_ROLES = ['party', 'other'] as const;
export type ReportPartyRole = (typeof REPORT_PARTY_ROLES)[number];

/**
 * A dispute found early at a sentinel point (矛盾纠纷线索): where, what, the risk questions, what
 * was done and the outcome. The risk answers are DV details: FieldCipher ciphertext, as a case
 * screening's. Rules: sentinel-rules.ts.
 */
@Entity('sentinel_reports')
@Check(
  'CHK_sentinel_reports_outcome',
  `"outcome" IN ('resolved_on_spot', 'watched', 'to_mediation', 'to_court', 'to_police')`,
)
@Check('CHK_sentinel_reports_status', `"status" IN ('awaiting_review', 'open', 'closed')`)
@Check('CHK_sentinel_reports_risk_level', `"risk_level" IN ('high', 'medium', 'low')`)
@Check(
  'CHK_sentinel_reports_review_decision',
  `"review_decision" IS NULL OR "review_decision" IN ('confirmed', 'escalated_to_police', 'escalated_to_court', 'watch')`,
)
export class SentinelReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_sentinel_reports_reporter_id')
  @Column({ type: 'uuid' })
  reporterId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  reporter?: Relation<User>;

  /** The reporter's organisation (her sentinel point); null for a supervisor's own report. */
  @Index('IDX_sentinel_reports_organization_id')
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  organization?: Relation<Organization> | null;

  @Column({ type: 'uuid' })
  villageId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  village?: Relation<Region>;

  /** The village's path, for a supervisor's subtree. */
  @Index('IDX_sentinel_reports_region_path')
  @Column({ type: 'varchar', length: 255, collation: 'C' })
  regionPath: string;

  @Column({ type: 'varchar', length: 24 })
  disputeType: DisputeType;

  @Column({ type: 'text' })
  observed: string;

  /** FieldCipher ciphertext of the JSON risk answers. */
  @Column({ type: 'text' })
  riskAnswersEncrypted: string;

  @Column({ type: 'boolean' })
  dvIndicator: boolean;

  @Column({ type: 'varchar', length: 8 })
  riskLevel: RiskLevel;

  @Column({ type: 'text', nullable: true })
  actionTaken: string | null;

  @Column({ type: 'varchar', length: 24 })
  outcome: ReportOutcome;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  /** Asia/Shanghai date of the next visit of a watched dispute. */
  @Column({ type: 'date', nullable: true })
  followUpOn: string | null;

  /** The case made from it once people's mediation takes it on (not yet linked). */
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Index('IDX_sentinel_reports_status')
  @Column({ type: 'varchar', length: 16 })
  status: ReportStatus;

  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  reviewDueAt: Date | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  reviewDecision: ReviewDecision | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  parties?: SentinelReportParty[];
}

/**
 * A person named in a report. ID number and phone are encrypted and blind-indexed with the same
 * cipher and keys as a case's parties (`blindIndex('id' | 'phone', …)`), so the same person can be
 * linked across cases and reports; only the masked forms leave the service.
 */
@Entity('sentinel_report_parties')
@Check('CHK_sentinel_report_parties_role', `"role" IN ('party', 'other')`)
@Check('CHK_sentinel_report_parties_gender', `"gender" IS NULL OR "gender" IN ('female', 'male')`)
export class SentinelReportParty {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_sentinel_report_parties_report_id')
  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => SentinelReport, { onDelete: 'CASCADE' })
  report?: Relation<SentinelReport>;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 8 })
  role: ReportPartyRole;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: 'female' | 'male' | null;

  @Column({ type: 'text', nullable: true })
  idNumberEncrypted: string | null;

  @Index('IDX_sentinel_report_parties_id_number_index')
  @Column({ type: 'char', length: 64, nullable: true })
  idNumberIndex: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumberMasked: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEncrypted: string | null;

  @Index('IDX_sentinel_report_parties_phone_index')
  @Column({ type: 'char', length: 64, nullable: true })
  phoneIndex: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  phoneMasked: string | null;
}
