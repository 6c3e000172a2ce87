import {
  Check,
  Column,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Case } from '../../cases/case.entity.js';
import { Document } from '../document.entity.js';

/**
 * A photograph of a signed (fingerprinted) paper page of an issued document, bound to the version
 * it was printed from. Stored re-encoded as JPEG without metadata (no EXIF, no GPS); the bytes
 * live behind ScanStore (document_scan_contents by default). The same original uploaded twice is
 * one scan (unique document and original hash).
 */
@Entity('document_scans')
@Check('CHK_document_scans_page', `"page" IS NULL OR "page" >= 1`)
@Check('CHK_document_scans_linked_by', `"linked_by" IN ('qr', 'hand')`)
@Index('UQ_document_scans_original', ['documentId', 'originalSha256'], { unique: true })
export class DocumentScan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  document?: Relation<Document>;

  @Index('IDX_document_scans_case_id')
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  case?: Relation<Case>;

  /** The document's version (the scan is of that printing). */
  @Column({ type: 'integer' })
  documentVersion: number;

  /** The printed page it shows, when known (from the QR code or given by hand). */
  @Column({ type: 'integer', nullable: true })
  page: number | null;

  /** SHA-256 of the stored (re-encoded) bytes. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** SHA-256 of the bytes as uploaded: a replayed upload is recognised by it. */
  @Column({ type: 'char', length: 64 })
  originalSha256: string;

  @Column({ type: 'varchar', length: 40 })
  mime: string;

  @Column({ type: 'integer' })
  bytes: number;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;

  /** `qr`: the phone decoded the page's QR code; `hand`: the user chose the document. */
  @Column({ type: 'varchar', length: 8 })
  linkedBy: 'qr' | 'hand';
}

/** The image bytes of a scan (the default ScanStore). */
@Entity('document_scan_contents')
export class DocumentScanContent {
  @PrimaryColumn({ type: 'uuid' })
  scanId: string;

  @ManyToOne(() => DocumentScan, { onDelete: 'CASCADE' })
  scan?: Relation<DocumentScan>;

  @Column({ type: 'bytea' })
  content: Buffer;
}
