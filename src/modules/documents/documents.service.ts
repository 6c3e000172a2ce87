import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Actor } from '../../common/context/request-context.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import {
  conflict,
  DomainError,
  validationFailed,
  fieldError,
} from '../../common/errors/domain-error.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Case } from '../cases/case.entity.js';
import { CaseExtension } from '../cases/clock/case-extension.entity.js';
import { CaseFollowUp } from '../cases/after-closure/case-follow-up.entity.js';
import { CaseSession } from '../cases/sessions/case-session.entity.js';
import { CaseWriter, notYourAssignment } from '../cases/case-writer.js';
import { CaseRepository } from '../cases/case.repository.js';
import { Party } from '../cases/intake/party.entity.js';
import type { DocumentData, ScanEntry } from './document-data.js';
import { Document } from './document.entity.js';
import {
  openSnapshot,
  snapshotView,
  takeSnapshot,
  type StoredData,
  type Subject,
} from './document-snapshot.js';
import { DocumentStore } from './document-store.js';
import { DOCUMENT_RULES, mayIssue, mayRead } from './document-types.js';
import type { DocumentView, IssueDocumentDto } from './dto/document.dto.js';
import { DocumentCode } from './documents.codes.js';
import { RenderPool } from './pdf/render-pool.js';
import { snapshotDigest } from './scan-payload.js';
import { DocumentScan } from './scans/document-scan.entity.js';
import { ScanStore } from './scans/scan-store.js';

/** Renders again when another issuer took the version the pages were stamped with. */
const STAMP_ATTEMPTS = 4;

const view = (d: Document, withData: boolean): DocumentView => ({
  id: d.id,
  caseId: d.caseId,
  type: d.type,
  title: d.title,
  version: d.version,
  subjectKind: d.subjectKind,
  subjectId: d.subjectId,
  pages: d.pages,
  bytes: d.bytes,
  sha256: d.sha256,
  issuedBy: d.issuedBy,
  issuedAt: d.issuedAt.toISOString(),
  supersededAt: d.supersededAt?.toISOString() ?? null,
  draft: (d.data as { draft?: boolean } | null)?.draft === true,
  ...(withData ? { data: snapshotView(d.data) } : {}),
});

/** Issues, lists and serves the case's printable documents. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly store: DocumentStore,
    private readonly scans: ScanStore,
    private readonly pool: RenderPool,
    private readonly clock: Clock,
  ) {}

  /** Renders, stores and records a new version; the previous one is marked superseded. */
  async issue(actor: Actor, caseId: string, dto: IssueDocumentDto): Promise<DocumentView> {
    const c = await this.cases.findVisible(actor, caseId);
    const rule = DOCUMENT_RULES[dto.type];
    const outcome = await this.cases.currentOutcome(caseId);
    const draft = dto.draft === true;
    const review = outcome
      ? outcome.reviewDecision === 'approved'
        ? 'approved'
        : 'pending'
      : null;
    const allowed = mayIssue(
      dto.type,
      actor.user.role,
      c.status,
      c.result ?? outcome?.result ?? null,
      review,
      draft,
    );
    if (!allowed.ok) {
      throw allowed.status === 'forbidden'
        ? new DomainError(allowed.code, 'forbidden', allowed.params)
        : allowed.status === 'validation'
          ? validationFailed([fieldError('draft', allowed.code, allowed.params)])
          : conflict(allowed.code, allowed.params);
    }
    if (actor.user.role === 'mediator' && c.mediatorId !== actor.user.id) throw notYourAssignment();
    const subject = await this.subject(c, dto);
    const issuedAt = this.clock.now();
    const facts = await this.cases.documentFacts(c, subject.followUp?.visitedBy ?? null);
    const stored = takeSnapshot(facts, this.cipher, c, dto.type, subject, issuedAt);
    // A draft says so on every page and in its record.
    if (draft) stored.draft = true;
    const toRender: DocumentData = openSnapshot(this.cipher, stored);
    if (dto.type === 'case_file') {
      const bound = await this.bound(caseId);
      if (bound.length === 0) throw conflict(DocumentCode.NothingToBind);
      const scans = await this.boundScans(bound.map((d) => d.id));
      stored.contents = bound.map(({ title, version, issuedAt: at, pages, id }) => ({
        title,
        version,
        issuedAt: at.toISOString(),
        pages,
        documentId: id,
        scans: (scans.get(id) ?? []).map(({ image: _bytes, ...entry }) => entry),
      }));
      toRender.contents = bound.map((d) => ({
        documentId: d.id,
        title: d.title,
        version: d.version,
        issuedAt: d.issuedAt.toISOString(),
        pages: d.pages,
        data: openSnapshot(this.cipher, d.data as unknown as StoredData),
        scans: scans.get(d.id) ?? [],
      }));
    }
    const subjectId =
      subject.partyId ??
      subject.session?.id ??
      subject.extension?.id ??
      subject.followUp?.id ??
      c.id;
    // Every page carries a QR code of the id, the version and the snapshot's digest
    // (scan-payload.ts): the id is drawn here, the version is the next one now and checked again
    // under the case lock; another issuer in between makes it render again.
    const id = randomUUID();
    const digest = snapshotDigest(JSON.parse(JSON.stringify(stored)));
    let version = await this.nextVersion(this.dataSource.manager, caseId, dto.type, subjectId);
    for (let attempt = 1; ; attempt++) {
      const pdf = await this.pool.render(toRender, { documentId: id, version, digest });
      const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
      const saved = await this.dataSource.transaction(async (manager) => {
        // One issuer at a time per case: versions are dense and the previous one is known.
        await this.cases.lock(manager, caseId);
        const next = await this.nextVersion(manager, caseId, dto.type, subjectId);
        if (next !== version) return next;
        // Plain SQL: TypeORM's deep-partial typing cannot follow the recursive JSON type.
        await manager.query(
          `INSERT INTO documents (id, case_id, type, subject_id, subject_kind, version, title, pages, bytes, sha256, issued_by, issued_at, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            id,
            caseId,
            dto.type,
            subjectId,
            rule.subject,
            version,
            rule.title,
            pdf.pages,
            pdf.bytes.byteLength,
            sha256,
            actor.user.id,
            issuedAt,
            JSON.stringify(stored),
          ],
        );
        await this.store.put(manager, id, pdf.bytes);
        await manager.query(
          `UPDATE documents SET superseded_at = $4
           WHERE case_id = $1 AND type = $2 AND subject_id = $3 AND superseded_at IS NULL AND id <> $5`,
          [caseId, dto.type, subjectId, issuedAt, id],
        );
        await this.audit.record(manager, actor, {
          action: 'document.issued',
          entityType: 'document',
          entityId: id,
          caseId,
          regionPath: c.regionPath,
          after: { type: dto.type, version, subjectId, sha256, pages: pdf.pages },
        });
        return manager.findOneByOrFail(Document, { id });
      });
      if (typeof saved !== 'number') return view(saved, true);
      // A 409 the client may retry, as any other write that lost a race (never a 500).
      if (attempt >= STAMP_ATTEMPTS) throw conflict(DocumentCode.IssueContended);
      version = saved;
    }
  }

  private async nextVersion(
    manager: EntityManager,
    caseId: string,
    type: string,
    subjectId: string,
  ): Promise<number> {
    const [{ next }]: { next: number }[] = await manager.query(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM documents WHERE case_id = $1 AND type = $2 AND subject_id = $3',
      [caseId, type, subjectId],
    );
    return Number(next);
  }

  /** The scans of each bound document with their bytes, oldest first. */
  private async boundScans(documentIds: string[]): Promise<Map<string, Required<ScanEntry>[]>> {
    const rows = await this.dataSource.getRepository(DocumentScan).find({
      where: { documentId: In(documentIds) },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    const bytes = await this.scans.getMany(rows.map((r) => r.id));
    const out = new Map<string, Required<ScanEntry>[]>();
    for (const r of rows) {
      const image = bytes.get(r.id);
      if (!image) continue;
      const list = out.get(r.documentId) ?? [];
      list.push({
        id: r.id,
        page: r.page,
        sha256: r.sha256,
        uploadedAt: r.uploadedAt.toISOString(),
        image: new Uint8Array(image),
      });
      out.set(r.documentId, list);
    }
    return out;
  }

  async list(actor: Actor, caseId: string): Promise<DocumentView[]> {
    await this.cases.findVisible(actor, caseId);
    const docs = await this.dataSource.getRepository(Document).find({
      where: { caseId },
      order: { issuedAt: 'ASC', version: 'ASC' },
    });
    return docs.filter((d) => mayRead(d.type, actor.user.role)).map((d) => view(d, false));
  }

  async get(actor: Actor, id: string): Promise<DocumentView> {
    return view(await this.readable(actor, id), true);
  }

  /** The PDF bytes, audited as a sensitive read (agreements carry full ID numbers). */
  async pdf(actor: Actor, id: string): Promise<{ document: Document; bytes: Buffer }> {
    const document = await this.readable(actor, id);
    const bytes = await this.store.get(id);
    if (!bytes) throw this.scope.notFoundError('document');
    await this.audit.recordAlone(actor, {
      action: 'document.downloaded',
      entityType: 'document',
      entityId: id,
      caseId: document.caseId,
      after: { type: document.type, version: document.version, sha256: document.sha256 },
    });
    return { document, bytes };
  }

  /** The document if the actor may read it (its case visible, its type readable by the role), else its audited 404. */
  async readable(actor: Actor, id: string): Promise<Document> {
    const document = await this.dataSource.getRepository(Document).findOneBy({ id });
    if (!document || !mayRead(document.type, actor.user.role)) {
      await this.scope.assertVisible(actor, false, { type: 'document', id });
    }
    const found = document as Document;
    await this.cases.findVisible(actor, found.caseId).catch(async () => {
      throw this.scope.notFoundError('document');
    });
    return found;
  }

  /** The current version of every document of the case, in the order they were issued. */
  private async bound(caseId: string): Promise<Document[]> {
    return this.dataSource
      .getRepository(Document)
      .createQueryBuilder('d')
      .where('d.caseId = :caseId AND d.supersededAt IS NULL AND d.type <> :file', {
        caseId,
        file: 'case_file',
      })
      .orderBy('d.issuedAt', 'ASC')
      .addOrderBy('d.type', 'ASC')
      .getMany();
  }

  private async subject(c: Case, dto: IssueDocumentDto): Promise<Subject> {
    const kind = DOCUMENT_RULES[dto.type].subject;
    const need = (field: string) =>
      validationFailed([fieldError(field, DocumentCode.SubjectRequired, { type: dto.type })]);
    if (kind === 'party') {
      if (!dto.partyId) throw need('partyId');
      const party = await this.dataSource
        .getRepository(Party)
        .findOneBy({ id: dto.partyId, caseId: c.id });
      if (!party) throw this.scope.notFoundError('party');
      return { partyId: party.id };
    }
    if (kind === 'session') {
      if (!dto.sessionId) throw need('sessionId');
      const session = await this.dataSource
        .getRepository(CaseSession)
        .findOneBy({ id: dto.sessionId, caseId: c.id });
      if (!session) throw this.scope.notFoundError('session');
      if (session.status !== 'held' || !session.record)
        throw conflict(DocumentCode.NotIssuable, { context: 'session' });
      return { session };
    }
    if (kind === 'extension') {
      const [extension] = await this.dataSource
        .getRepository(CaseExtension)
        .find({ where: { caseId: c.id }, order: { createdAt: 'DESC' }, take: 1 });
      if (!extension) throw conflict(DocumentCode.NotIssuable, { context: 'extension' });
      return { extension };
    }
    if (kind === 'follow_up') {
      if (!dto.followUpId) throw need('followUpId');
      const followUp = await this.dataSource
        .getRepository(CaseFollowUp)
        .findOneBy({ id: dto.followUpId, caseId: c.id });
      if (!followUp) throw this.scope.notFoundError('follow-up');
      if (!followUp.visitedAt) throw conflict(DocumentCode.NotIssuable, { context: 'follow_up' });
      return { followUp };
    }
    return {};
  }
}
