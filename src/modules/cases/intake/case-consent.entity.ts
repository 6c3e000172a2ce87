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

export const CONSENT_DECISIONS = ['consented', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];
export const CONSENT_METHODS = ['signed_form', 'phone', 'in_person', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A party's consent to mediation (mediation is voluntary); one current record per party. */
@Entity('case_consents')
@Check('CHK_case_consents_decision', `"decision" IN ('consented', 'refused')`)
@Check('CHK_case_consents_method', `"method" IN ('signed_form', 'phone', 'in_person', 'other')`)
export class CaseConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_case_consents_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  @Index('UQ_case_consents_party_id', { unique: true })
  @Column({ type: 'uuid' })
  partyId: string;

  @ManyToOne(() => Party, { onDelete: 'CASCADE' })
  party?: Relation<Party>;

  @Column({ type: 'varchar', length: 16 })
  decision: ConsentDecision;

  @Column({ type: 'varchar', length: 16 })
  method: ConsentMethod;

  /** When the party gave or refused consent (not when it was typed in). */
  @Column({ type: 'timestamptz' })
  decidedAt: Date;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
