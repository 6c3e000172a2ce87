import {
  Check,
  Column,
  Entity,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Case } from '../case.entity.js';

/**
 * What happens at the court or the registry after closure: court filing (立案) or the court's
 * mediation document, judicial confirmation (applied ≤ 30 days after the agreement took effect,
 * accepted ≤ 3 days, decided ≤ 15 days), and a registry divorce (30-day cooling-off, then 30 days
 * to collect the certificate). One row per case, filled in as it happens.
 */
@Entity('case_tracking')
@Check(
  'CHK_case_tracking_jc_result',
  `"jc_result" IS NULL OR "jc_result" IN ('confirmed', 'rejected', 'withdrawn')`,
)
export class CaseTracking {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  courtCaseNumber: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  filedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  jcAppliedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  jcAcceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  jcDecidedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  jcResult: 'confirmed' | 'rejected' | 'withdrawn' | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  jcRulingNumber: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  registryAppliedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registryCertificateAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
