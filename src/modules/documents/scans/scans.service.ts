import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock.js';
import type { Actor } from '../../../common/context/request-context.js';
import { fieldError, validationFailed } from '../../../common/errors/domain-error.js';
import { ScopeService } from '../../../common/scope/scope.service.js';
import { AuditService } from '../../audit/audit.service.js';
import type { Document } from '../document.entity.js';
import { DocumentCode } from '../documents.codes.js';
import { DocumentsService } from '../documents.service.js';
import { parseScanPayload, snapshotDigest } from '../scan-payload.js';
import { DocumentScan } from './document-scan.entity.js';
import { assertScanType, reencodeScan, sha256Of } from './scan-image.js';
import type { ScanView } from './scan.dto.js';
import { ScanStore } from './scan-store.js';

/** An upload as the multipart body gave it (scan-multipart.ts). */
export interface ScanUpload {
  file: Buffer;
  page?: number;
  qr?: string;
}

export const scanView = (s: DocumentScan): ScanView => ({
  id: s.id,
  documentId: s.documentId,
  caseId: s.caseId,
  documentVersion: s.documentVersion,
  page: s.page,
  sha256: s.sha256,
  originalSha256: s.originalSha256,
  mime: s.mime,
  bytes: s.bytes,
  width: s.width,
  height: s.height,
  uploadedBy: s.uploadedBy,
  uploadedAt: s.uploadedAt.toISOString(),
  linkedBy: s.linkedBy,
});

/**
 * Photographs of the signed paper pages of an issued document: who may read the document may add,
 * list and fetch them (else the document's audited 404).
 */
@Injectable()
export class ScansService {
  private readonly logger = new Logger(ScansService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly store: ScanStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the QR payload and page against the document, re-encodes the image and records it with
   * its bytes and an audit row in one transaction. The same original again is the scan already
   * recorded (`created: false`), whoever sends it.
   */
  async add(
    actor: Actor,
    documentId: string,
    upload: ScanUpload,
  ): Promise<{ created: boolean; scan: ScanView }> {
    const document = await this.documents.readable(actor, documentId);
    const { page, linkedBy } = this.link(document, upload);
    await assertScanType(upload.file);
    const originalSha256 = sha256Of(upload.file);
    const repo = this.dataSource.getRepository(DocumentScan);
    const replayed = await repo.findOneBy({ documentId, originalSha256 });
    if (replayed) return { created: false, scan: scanView(replayed) };
    const image = await reencodeScan(upload.file);
    const uploadedAt = this.clock.now();
    // The bytes go last: a store outside PostgreSQL (S3) cannot join the transaction, so they
    // are removed again when it fails after them (discardUnrecorded).
    let putId: string | null = null;
    const saved = await this.dataSource
      .transaction(async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `INSERT INTO document_scans (document_id, case_id, document_version, page, sha256, original_sha256,
           mime, bytes, width, height, uploaded_by, uploaded_at, linked_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (document_id, original_sha256) DO NOTHING RETURNING id`,
          [
            documentId,
            document.caseId,
            document.version,
            page,
            image.sha256,
            originalSha256,
            image.mime,
            image.bytes.byteLength,
            image.width,
            image.height,
            actor.user.id,
            uploadedAt,
            linkedBy,
          ],
        );
        // Sent twice at once: the other request recorded it.
        if (rows.length === 0) return null;
        const id = rows[0].id;
        await this.audit.record(manager, actor, {
          action: 'document.scan_added',
          entityType: 'document',
          entityId: documentId,
          caseId: document.caseId,
          after: {
            scanId: id,
            version: document.version,
            page,
            linkedBy,
            sha256: image.sha256,
            originalSha256,
            bytes: image.bytes.byteLength,
          },
        });
        const scan = await manager.findOneByOrFail(DocumentScan, { id });
        putId = id;
        await this.store.put(manager, id, image.bytes);
        return scan;
      })
      .catch(async (err: unknown) => {
        if (putId) await this.discardUnrecorded(putId);
        throw err;
      });
    if (saved) return { created: true, scan: scanView(saved) };
    return {
      created: false,
      scan: scanView(await repo.findOneByOrFail({ documentId, originalSha256 })),
    };
  }

  /**
   * The transaction that stored these bytes failed after `put`: remove them unless the row is
   * there after all (a COMMIT whose answer was lost may have committed). When even that cannot be
   * told or the delete fails, the bytes stay: an orphan no row points to is never served, while
   * deleting a recorded scan's bytes would lose the photo.
   */
  private async discardUnrecorded(scanId: string): Promise<void> {
    try {
      if (await this.dataSource.getRepository(DocumentScan).existsBy({ id: scanId })) return;
      await this.store.discard(scanId);
    } catch (err) {
      this.logger.warn(
        `scan ${scanId}: its bytes may be left in the store after a failed transaction (${String(err)})`,
      );
    }
  }

  async list(actor: Actor, documentId: string): Promise<ScanView[]> {
    await this.documents.readable(actor, documentId);
    const scans = await this.dataSource.getRepository(DocumentScan).find({
      where: { documentId },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return scans.map(scanView);
  }

  /** The JPEG bytes, audited as a sensitive read (signatures, fingerprints, ID numbers). */
  async image(
    actor: Actor,
    documentId: string,
    scanId: string,
  ): Promise<{ scan: DocumentScan; bytes: Buffer }> {
    await this.documents.readable(actor, documentId);
    const scan = await this.dataSource
      .getRepository(DocumentScan)
      .findOneBy({ id: scanId, documentId });
    const bytes = scan ? await this.store.get(scan.id) : null;
    if (!scan || !bytes) {
      await this.scope.assertVisible(actor, false, { type: 'scan', id: scanId });
      throw this.scope.notFoundError('scan');
    }
    await this.audit.recordAlone(actor, {
      action: 'document.scan_downloaded',
      entityType: 'document',
      entityId: documentId,
      caseId: scan.caseId,
      after: { scanId, sha256: scan.sha256 },
    });
    return { scan, bytes };
  }

  /** The page and how the scan was linked: the QR payload, when given, must be this document's. */
  private link(
    document: Document,
    upload: ScanUpload,
  ): { page: number | null; linkedBy: 'qr' | 'hand' } {
    const qrError = (context: string, params: Record<string, number> = {}) =>
      validationFailed([fieldError('qr', DocumentCode.ScanQrMismatch, { context, ...params })]);
    let page = upload.page ?? null;
    if (upload.qr !== undefined) {
      const payload = parseScanPayload(upload.qr);
      if (!payload) throw qrError('format');
      if (payload.documentId !== document.id) throw qrError('document');
      if (payload.version !== document.version) {
        throw qrError('version', { printed: payload.version, version: document.version });
      }
      if (payload.digest !== snapshotDigest(document.data)) throw qrError('digest');
      if (page !== null && page !== payload.page) {
        throw validationFailed([
          fieldError('page', DocumentCode.ScanPageOutOfRange, {
            context: 'qr',
            printed: payload.page,
          }),
        ]);
      }
      page = payload.page;
    }
    if (page !== null && page > document.pages) {
      throw validationFailed([
        fieldError(upload.page !== undefined ? 'page' : 'qr', DocumentCode.ScanPageOutOfRange, {
          pages: document.pages,
        }),
      ]);
    }
    return { page, linkedBy: upload.qr !== undefined ? 'qr' : 'hand' };
  }
}
