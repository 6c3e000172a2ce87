import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Court } from '../courts/court.entity.js';
import { Region } from '../regions/region.entity.js';
import { CaseChild } from './intake/case-child.entity.js';
import { Party } from './intake/party.entity.js';
import type { CaseStatus } from './case-status.js';

export const MEDIATION_KINDS = ['pre_filing', 'entrusted'] as const;
export type MediationKindValue = (typeof MEDIATION_KINDS)[number];
export const DISPUTE_TYPES = [
  'divorce',
  'custody',
  'child_support',
  'visitation',
  'property',
  'elder_support',
  'other',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const CASE_SOURCES = [
  'court_referral',
  'party_application',
  'sentinel_report',
  'other',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** A referred dispute. Every write goes through a version-guarded UPDATE (CaseWriter). */
@Entity('cases')
@Check(
  'CHK_cases_status',
  `"status" IN ('received', 'referred', 'assigned', 'in_mediation', 'pending_review', 'closed')`,
)
@Check('CHK_cases_kind', `"mediation_kind" IN ('pre_filing', 'entrusted')`)
@Check(
  'CHK_cases_dispute_type',
  `"dispute_type" IN ('divorce', 'custody', 'child_support', 'visitation', 'property', 'elder_support', 'other')`,
)
@Check(
  'CHK_cases_source',
  `"source" IN ('court_referral', 'party_application', 'sentinel_report', 'other')`,
)
@Check(
  'CHK_cases_result',
  `"result" IS NULL OR "result" IN ('reconciled', 'divorce_agreed', 'ancillary_agreed', 'no_agreement', 'withdrawn', 'refused', 'unsuitable', 'expired')`,
)
@Check(
  'CHK_cases_route',
  `"route" IS NULL OR "route" IN ('none', 'court_mediation_document', 'registry_divorce', 'judicial_confirmation', 'court_filing')`,
)
@Check('CHK_cases_closed', `("status" = 'closed') = ("closed_at" IS NOT NULL)`)
@Index('UQ_cases_court_kind_year_sequence', ['courtId', 'mediationKind', 'year', 'sequence'], {
  unique: true,
})
@Index('UQ_cases_court_reference', ['courtId', 'courtReference'], {
  unique: true,
  where: `"court_reference" IS NOT NULL`,
})
@Index('IDX_cases_court_received', ['courtId', 'receivedAt'])
@Index('IDX_cases_status_deadline', ['status', 'deadlineAt'])
// Cases closed in a period (the 12-month re-entry rate, stats-reentry.ts).
@Index('IDX_cases_closed_at', ['closedAt'])
// List indexes shaped like the list's sorts (DESC and partial): hand-written in the migration
// AddCaseListIndexes and AddCaseListRegionIndex, which TypeORM cannot generate; `synchronize: false`
// keeps the drift check quiet.
@Index('IDX_cases_court_received_id', { synchronize: false })
@Index('IDX_cases_court_status_received', { synchronize: false })
@Index('IDX_cases_court_type_received', { synchronize: false })
@Index('IDX_cases_status_region', { synchronize: false })
@Index('IDX_cases_type_region', { synchronize: false })
@Index('IDX_cases_open_deadline', { synchronize: false })
@Index('IDX_cases_received_region', { synchronize: false })
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `（2026）鲁0281民诉前调12号`: sequential per court, case type and year, no gaps (intake/case-numbering.ts). */
  @Index('UQ_cases_case_number', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  caseNumber: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @ManyToOne(() => Court, { onDelete: 'RESTRICT' })
  court?: Court;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'integer' })
  sequence: number;

  /** The court's own number for the referral (the clerk's 案号), unique per court when present; printed beside caseNumber. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  courtReference: string | null;

  @Column({ type: 'varchar', length: 16 })
  mediationKind: MediationKindValue;

  @Column({ type: 'varchar', length: 16 })
  disputeType: DisputeType;

  @Column({ type: 'varchar', length: 24 })
  source: CaseSource;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  claims: string;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /** The village of the dispute. */
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  region?: Region;

  /** The village's materialised path, copied for scope filtering without a join. */
  @Index('IDX_cases_region_path')
  @Column({ type: 'varchar', length: 255, collation: 'C' })
  regionPath: string;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 24, nullable: true })
  result: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  route: string | null;

  /** Any domestic-violence indicator in a screening. */
  @Column({ type: 'boolean', default: false })
  dvFlag: boolean;

  @Index('IDX_cases_mediator_id')
  @Column({ type: 'uuid', nullable: true })
  mediatorId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  closureReason: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  @OneToMany(() => Party, (p) => p.case)
  parties?: Relation<Party>[];

  @OneToMany(() => CaseChild, (c) => c.case)
  children?: Relation<CaseChild>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
