import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor, AuthUser } from '../../common/context/request-context.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import {
  conflict,
  fieldError,
  type FieldError,
  validationFailed,
} from '../../common/errors/domain-error.js';
import type { JsonObject } from '../../common/json.js';
import { Clock } from '../../common/clock.js';
import { type Page, pageOf } from '../../common/pagination/page.js';
import { subtreeCondition } from '../../common/scope/scope-rules.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { shanghaiDateOf } from '../../common/time/shanghai.js';
import { maskIdNumber, maskPhone, parseIdNumber } from '../../common/validation/chinese.js';
import { AuditService } from '../audit/audit.service.js';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from '../cases/idempotency.js';
import { Organization, OrganizationWatchedVillage } from '../organizations/organization.entity.js';
import { Region } from '../regions/region.entity.js';
import type {
  CreateSentinelReportDto,
  ListSentinelReportsQuery,
  ReportPartyDto,
  ReviewSentinelReportDto,
} from './dto/sentinel-report.dto.js';
import { SentinelReportView } from './dto/sentinel-report.view.js';
import { SentinelReport, SentinelReportParty } from './sentinel-report.entity.js';
import {
  hasDvSign,
  initialState,
  outcomeProblems,
  riskLevelOf,
  statusAfterReview,
  type RiskAnswers,
} from './sentinel-rules.js';
import { SentinelCode } from './sentinel.codes.js';

/**
 * Sentinel reports (矛盾纠纷线索): filed by a sentinel point's reporter, a mediator or a
 * supervisor; reviewed by a supervisor. Who sees which: `scopeCondition`.
 */
@Injectable()
export class SentinelReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(
    actor: Actor,
    dto: CreateSentinelReportDto,
    idempotencyKey?: string,
  ): Promise<SentinelReportView> {
    const user = actor.user;
    const now = this.clock.now();
    const errors: FieldError[] = [
      ...outcomeProblems(dto, shanghaiDateOf(now)).map((p) => fieldError(p.field, p.code)),
      ...partyProblems(dto.parties ?? []),
    ];
    if (errors.length > 0) throw validationFailed(errors);
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey) {
        const hash = requestHash({ route: 'POST /sentinel-reports', body: dto });
        const replay = await claimIdempotencyKey(manager, user.id, idempotencyKey, hash);
        if (replay) return replay.response as unknown as SentinelReportView;
      }
      const village = await this.checkVillage(manager, user, dto.villageId);
      const answers: RiskAnswers = { ...dto.riskAnswers };
      const state = initialState(answers, dto.outcome, now);
      const report = await manager.save(
        manager.create(SentinelReport, {
          reporterId: user.id,
          organizationId: user.role === 'supervisor' ? null : user.organizationId,
          villageId: village.id,
          regionPath: village.path,
          disputeType: dto.disputeType,
          observed: dto.observed,
          riskAnswersEncrypted: this.cipher.encrypt(JSON.stringify(answers)),
          dvIndicator: hasDvSign(answers),
          riskLevel: riskLevelOf(answers, dto.outcome),
          actionTaken: dto.actionTaken ?? null,
          outcome: dto.outcome,
          resolutionNote: dto.resolutionNote ?? null,
          followUpOn: dto.followUpOn ?? null,
          caseId: null,
          status: state.status,
          reportedAt: now,
          reviewDueAt: state.reviewDueAt,
          version: 1,
        }),
      );
      const parties = await manager.save(
        (dto.parties ?? []).map((p, i) =>
          manager.create(SentinelReportParty, this.partyColumns(report.id, i, p)),
        ),
      );
      const view = SentinelReportView.of(this.cipher, now, report, parties);
      // No free text and no party data in the audit row: counts and states only.
      await this.audit.record(manager, actor, {
        action: 'sentinel_report.created',
        entityType: 'sentinel-report',
        entityId: report.id,
        regionPath: report.regionPath,
        after: {
          outcome: report.outcome,
          status: report.status,
          riskLevel: report.riskLevel,
          dvIndicator: report.dvIndicator,
          parties: parties.length,
        },
      });
      if (idempotencyKey)
        await storeIdempotentResponse(
          manager,
          user.id,
          idempotencyKey,
          201,
          view as unknown as JsonObject,
        );
      return view;
    });
  }

  async list(user: AuthUser, query: ListSentinelReportsQuery): Promise<Page<SentinelReportView>> {
    const now = this.clock.now();
    const scoped = scopeCondition(user);
    const qb = this.dataSource
      .getRepository(SentinelReport)
      .createQueryBuilder('r')
      .where(scoped.sql, scoped.params);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.villageId) qb.andWhere('r.village_id = :villageId', { villageId: query.villageId });
    if (query.awaitingReview !== undefined)
      qb.andWhere(
        query.awaitingReview ? "r.status = 'awaiting_review'" : "r.status <> 'awaiting_review'",
      );
    if (query.reviewOverdue !== undefined) {
      const overdue = "(r.status = 'awaiting_review' AND r.review_due_at < :now)";
      qb.andWhere(query.reviewOverdue ? overdue : `NOT ${overdue}`, { now });
    }
    const [reports, total] = await qb
      .orderBy('r.reportedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    const parties = await this.partiesOf(
      this.dataSource.manager,
      reports.map((r) => r.id),
    );
    return pageOf(
      reports.map((r) => SentinelReportView.of(this.cipher, now, r, parties.get(r.id) ?? [])),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<SentinelReportView> {
    const report = await this.findVisible(this.dataSource.manager, actor, id);
    const parties = await this.partiesOf(this.dataSource.manager, [id]);
    return SentinelReportView.of(this.cipher, this.clock.now(), report, parties.get(id) ?? []);
  }

  /**
   * A supervisor's review of a report in her region, based on `version` (body or If-Match):
   * clears `awaiting_review`.
   */
  async review(
    actor: Actor,
    id: string,
    dto: ReviewSentinelReportDto,
    version: number,
  ): Promise<SentinelReportView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const report = await this.findVisible(manager, actor, id, true);
      if (report.reviewedAt) throw conflict(SentinelCode.AlreadyReviewed);
      if (report.version !== version) throw conflict(SentinelCode.VersionConflict);
      const before = { status: report.status, version: report.version };
      Object.assign(report, {
        reviewDecision: dto.decision,
        reviewNote: dto.note,
        reviewedBy: actor.user.id,
        reviewedAt: now,
        status: statusAfterReview(dto.decision, report.outcome),
        version: report.version + 1,
      });
      await manager.save(report);
      await this.audit.record(manager, actor, {
        action: 'sentinel_report.reviewed',
        entityType: 'sentinel-report',
        entityId: id,
        regionPath: report.regionPath,
        before,
        after: { status: report.status, decision: dto.decision, version: report.version },
      });
      const parties = await this.partiesOf(manager, [id]);
      return SentinelReportView.of(this.cipher, now, report, parties.get(id) ?? []);
    });
  }

  private async findVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<SentinelReport> {
    const scoped = scopeCondition(actor.user);
    const qb = manager
      .createQueryBuilder(SentinelReport, 'r')
      .where('r.id = :id', { id })
      .andWhere(scoped.sql, scoped.params);
    if (lock) qb.setLock('pessimistic_write');
    const report = await qb.getOne();
    await this.scope.assertVisible(actor, report !== null, { type: 'sentinel-report', id });
    return report as SentinelReport;
  }

  /**
   * The village a report may name: a sentinel reporter's or mediator's point watches it (or,
   * when the point names no watched villages, it lies in the point's region); a supervisor's
   * lies in her region.
   */
  private async checkVillage(
    manager: EntityManager,
    user: AuthUser,
    villageId: string,
  ): Promise<Region> {
    const village = await manager.findOneBy(Region, { id: villageId });
    const refuse = () =>
      validationFailed([fieldError('villageId', SentinelCode.VillageOutsidePoint)]);
    if (!village || village.level !== 'village') throw refuse();
    if (user.role === 'supervisor') {
      if (!this.scope.canSeePath(user, village.path)) throw refuse();
      return village;
    }
    const org = user.organizationId
      ? await manager.findOne(Organization, {
          where: { id: user.organizationId },
          relations: { region: true },
        })
      : null;
    if (!org?.region) throw refuse();
    const watched = await manager.findBy(OrganizationWatchedVillage, {
      organizationId: org.id,
    });
    const allowed =
      watched.length > 0
        ? watched.some((w) => w.regionId === village.id)
        : village.path.startsWith(org.region.path);
    if (!allowed) throw refuse();
    return village;
  }

  private partyColumns(
    reportId: string,
    position: number,
    p: ReportPartyDto,
  ): Partial<SentinelReportParty> {
    return {
      reportId,
      position,
      role: p.role,
      name: p.name,
      gender: p.gender ?? (p.idNumber ? (parseIdNumber(p.idNumber)?.gender ?? null) : null),
      idNumberEncrypted: p.idNumber ? this.cipher.encrypt(p.idNumber) : null,
      idNumberIndex: p.idNumber ? this.cipher.blindIndex('id', p.idNumber) : null,
      idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
      phoneEncrypted: p.phone ? this.cipher.encrypt(p.phone) : null,
      phoneIndex: p.phone ? this.cipher.blindIndex('phone', p.phone) : null,
      phoneMasked: p.phone ? maskPhone(p.phone) : null,
    };
  }

  private async partiesOf(
    manager: EntityManager,
    reportIds: string[],
  ): Promise<Map<string, SentinelReportParty[]>> {
    const byReport = new Map<string, SentinelReportParty[]>();
    if (reportIds.length === 0) return byReport;
    const rows = await manager.findBy(SentinelReportParty, { reportId: In(reportIds) });
    for (const row of rows)
      byReport.set(row.reportId, [...(byReport.get(row.reportId) ?? []), row]);
    return byReport;
  }
}

/** A gender given beside an ID number must be the one the number says. */
function partyProblems(parties: ReportPartyDto[]): FieldError[] {
  return parties.flatMap((p, i) => {
    const facts = p.idNumber ? parseIdNumber(p.idNumber) : null;
    return facts && p.gender && p.gender !== facts.gender
      ? [fieldError(`parties.${i}.gender`, SentinelCode.PartyGenderMismatch)]
      : [];
  });
}

/**
 * Who sees which report: a sentinel reporter her own; a mediator her own and her organisation's;
 * a supervisor those whose village lies in her region; anyone else none (the routes refuse them).
 */
function scopeCondition(user: AuthUser): { sql: string; params: Record<string, unknown> } {
  switch (user.role) {
    case 'sentinel':
      return { sql: 'r.reporter_id = :scopeUserId', params: { scopeUserId: user.id } };
    case 'mediator':
      return user.organizationId
        ? {
            sql: '(r.reporter_id = :scopeUserId OR r.organization_id = :scopeOrgId)',
            params: { scopeUserId: user.id, scopeOrgId: user.organizationId },
          }
        : { sql: 'r.reporter_id = :scopeUserId', params: { scopeUserId: user.id } };
    case 'supervisor':
      return user.scopePath
        ? subtreeCondition('r.region_path', user.scopePath, 'scopePath')
        : { sql: 'FALSE', params: {} };
    default:
      return { sql: 'FALSE', params: {} };
  }
}
