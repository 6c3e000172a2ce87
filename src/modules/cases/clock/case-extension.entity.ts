import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Case } from '../case.entity.js';

/** An extension of the mediation period, with both parties' recorded consent. */
@Entity('case_extensions')
export class CaseExtension {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_extensions_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Column({ type: 'integer' })
  days: number;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'timestamptz' })
  previousDeadline: Date;

  @Column({ type: 'timestamptz' })
  newDeadline: Date;

  @Column({ type: 'timestamptz' })
  applicantConsentAt: Date;

  @Column({ type: 'varchar', length: 16 })
  applicantConsentMethod: string;

  @Column({ type: 'timestamptz' })
  respondentConsentAt: Date;

  @Column({ type: 'varchar', length: 16 })
  respondentConsentMethod: string;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
