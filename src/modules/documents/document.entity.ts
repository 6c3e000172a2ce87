import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { JsonObject } from '../../common/json.js';
import { Case } from '../cases/case.entity.js';
import type { DocumentType } from './document-types.js';

/**
 * An issued document (metadata). Immutable: issuing again inserts a new version and marks this one
 * superseded; the bytes live behind DocumentStore (document_contents by default).
 */
@Entity('documents')
@Check(
  'CHK_documents_type',
  `"type" IN ('referral_letter', 'rights_notice', 'session_record', 'extension_consent', 'mediation_agreement', 'termination_notice', 'judicial_confirmation_application', 'follow_up_record', 'case_file')`,
)
@Check('CHK_documents_version', `"version" >= 1`)
@Index('UQ_documents_subject_version', ['caseId', 'type', 'subjectId', 'version'], { unique: true })
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_documents_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  case?: Relation<Case>;

  @Column({ type: 'varchar', length: 40 })
  type: DocumentType;

  /** The party, session, extension or follow-up it is about; the case itself when none. */
  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 16 })
  subjectKind: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'integer' })
  pages: number;

  @Column({ type: 'integer' })
  bytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'uuid' })
  issuedBy: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  /** What it was rendered from; party ID numbers, phones and addresses are sealed (FieldCipher). */
  @Column({ type: 'jsonb' })
  data: JsonObject;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The PDF bytes of a document (the default DocumentStore). */
@Entity('document_contents')
export class DocumentContent {
  @PrimaryColumn({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  document?: Relation<Document>;

  @Column({ type: 'bytea' })
  content: Buffer;
}
