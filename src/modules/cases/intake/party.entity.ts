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

export const PARTY_ROLES = ['applicant', 'respondent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * A party to a case. ID number, phone and address are AES-256-GCM ciphertext (FieldCipher) with
 * HMAC blind indexes for exact search; they never leave the service unmasked except by reveal.
 */
@Entity('parties')
// Prefix search on names (`?q=`) within a scope, hand-written in AddPartyScope (operator class).
@Index('IDX_parties_name_scope', { synchronize: false })
// A person's cases (search by ID number; re-entry, cases/case-reentry.ts): index-only on both.
@Index('IDX_parties_id_number_case', ['idNumberIndex', 'caseId'])
@Check('CHK_parties_role', `"role" IN ('applicant', 'respondent')`)
@Check('CHK_parties_gender', `"gender" IN ('female', 'male')`)
export class Party {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_parties_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, (c) => c.parties, { onDelete: 'CASCADE' })
  case?: Relation<Case>;

  /**
   * The case's court and village path, for narrowing a name search to the caller's scope in the
   * index. Copied from the case by a trigger (AddPartyScope), never written by the service.
   */
  @Column({ type: 'uuid', insert: false, update: false, select: false })
  courtId: string;

  @Column({
    type: 'varchar',
    length: 255,
    collation: 'C',
    insert: false,
    update: false,
    select: false,
  })
  regionPath: string;

  @Column({ type: 'varchar', length: 16 })
  role: PartyRole;

  @Index('IDX_parties_name')
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  @Column({ type: 'text' })
  idNumberEncrypted: string;

  @Column({ type: 'char', length: 64 })
  idNumberIndex: string;

  /** Masked form kept beside the ciphertext so lists never decrypt. */
  @Column({ type: 'varchar', length: 18 })
  idNumberMasked: string;

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  ethnicity: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  occupation: string | null;

  @Column({ type: 'text', nullable: true })
  phoneEncrypted: string | null;

  @Index('IDX_parties_phone_index')
  @Column({ type: 'char', length: 64, nullable: true })
  phoneIndex: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  phoneMasked: string | null;

  @Column({ type: 'text', nullable: true })
  addressEncrypted: string | null;

  /** The party asked for no SMS reminders. */
  @Column({ type: 'boolean', default: false })
  smsOptOut: boolean;

  /**
   * For a party whose screening shows DV indicators: her mediator allowed SMS that name the place.
   * Off by default: such a party's SMS never name the place.
   */
  @Column({ type: 'boolean', default: false })
  smsDetailsAllowed: boolean;

  /** The party's village, when known. */
  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
