import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AuthUser, RequestContext } from '../../common/context/request-context.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { conflict, fieldError, validationFailed } from '../../common/errors/domain-error.js';
import type { JsonObject } from '../../common/json.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Court } from '../courts/court.entity.js';
import { Region } from '../regions/region.entity.js';
import { Case } from './case.entity.js';
import { CASE_SCOPE_COLUMNS, type CasePage, listCases } from './case-list.js';
import { CaseChild } from './intake/case-child.entity.js';
import { caseExtras } from './case-detail-extras.js';
import { CaseConsent } from './intake/case-consent.entity.js';
import { shanghaiDate } from './clock/case-clock.js';
import {
  CASE_TYPE_DESIGNATORS,
  formatCaseNumber,
  nextCaseSequence,
} from './intake/case-numbering.js';
import { caseTimeline, type TimelineEntry } from './case-timeline.js';
import { CaseScreening } from './intake/case-screening.entity.js';
import { CaseWriter } from './case-writer.js';
import {
  CaseDetailView,
  CaseSummaryView,
  ChildView,
  ConsentView,
  PartyView,
  partyNamesOf,
} from './dto/case.view.js';
import { CreateCaseDto } from './intake/dto/create-case.dto.js';
import { checkParties, partyColumns, screeningView } from './intake/party-records.js';
import { SearchCasesDto, UpdateCaseDto } from './dto/case-writes.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency.js';
import { Party } from './intake/party.entity.js';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly writer: CaseWriter,
    private readonly clock: Clock,
  ) {}

  /** A clerk records a referral from her own court. `idempotencyKey` replays the first response. */
  async create(
    ctx: RequestContext,
    clerk: AuthUser,
    dto: CreateCaseDto,
    idempotencyKey?: string,
  ): Promise<CaseDetailView> {
    checkParties(dto.parties);
    return this.dataSource.transaction(async (manager) => {
      if (idempotencyKey) {
        const replay = await claimIdempotencyKey(
          manager,
          clerk.id,
          idempotencyKey,
          requestHash(dto),
        );
        if (replay) return replay as unknown as CaseDetailView;
      }
      const court = await manager.findOne(Court, {
        where: { id: clerk.courtId ?? '' },
        relations: { region: true },
      });
      const region = await manager.findOneBy(Region, { id: dto.regionId });
      if (!court?.region)
        throw validationFailed([fieldError('courtId', 'CASE.ACCOUNT_WITHOUT_COURT')]);
      if (!region || region.level !== 'village' || !region.path.startsWith(court.region.path)) {
        throw validationFailed([fieldError('regionId', 'CASE.VILLAGE_OUTSIDE_JURISDICTION')]);
      }
      // A party's village is named like the case's: one of the court's own (or none).
      const jurisdiction = court.region.path;
      const partyVillages = [
        ...new Set(dto.parties.flatMap((p) => (p.regionId ? [p.regionId] : []))),
      ];
      const known = partyVillages.length
        ? await manager.findBy(
            Region,
            partyVillages.map((id) => ({ id })),
          )
        : [];
      const badVillages = dto.parties.flatMap((p, i) => {
        const village = known.find((r) => r.id === p.regionId);
        return p.regionId &&
          !(village?.level === 'village' && village.path.startsWith(jurisdiction))
          ? [fieldError(`parties.${i}.regionId`, 'CASE.VILLAGE_OUTSIDE_JURISDICTION')]
          : [];
      });
      if (badVillages.length > 0) throw validationFailed(badVillages);
      if (
        dto.courtReference &&
        (await manager.existsBy(Case, { courtId: court.id, courtReference: dto.courtReference }))
      ) {
        throw conflict('CASE.DUPLICATE_COURT_REFERENCE');
      }
      const year = Number(shanghaiDate(this.clock.now()).slice(0, 4));
      const caseType = CASE_TYPE_DESIGNATORS[dto.mediationKind];
      const sequence = await nextCaseSequence(manager, court.id, caseType, year);
      const created = await manager.save(
        manager.create(Case, {
          caseNumber: formatCaseNumber(year, court.designator, caseType, sequence),
          courtId: court.id,
          year,
          sequence,
          courtReference: dto.courtReference ?? null,
          mediationKind: dto.mediationKind,
          disputeType: dto.disputeType,
          source: dto.source,
          summary: dto.summary,
          claims: dto.claims,
          receivedAt: new Date(dto.receivedAt),
          regionId: region.id,
          regionPath: region.path,
          status: 'received',
          dvFlag: false,
          createdBy: clerk.id,
        }),
      );
      const parties = await manager.save(
        dto.parties.map((p) => manager.create(Party, partyColumns(this.cipher, created.id, p))),
      );
      const children = await manager.save(
        (dto.children ?? []).map((c) => manager.create(CaseChild, { ...c, caseId: created.id })),
      );
      const view = this.detailOf(created, parties, children, [], []);
      await this.audit.record(manager, ctx, {
        action: 'case.created',
        entityType: 'case',
        entityId: created.id,
        caseId: created.id,
        regionPath: created.regionPath,
        after: {
          caseNumber: created.caseNumber,
          status: 'received',
          parties: parties.length,
          children: children.length,
        },
      });
      if (idempotencyKey) {
        await storeIdempotentResponse(
          manager,
          clerk.id,
          idempotencyKey,
          201,
          view as unknown as JsonObject,
        );
      }
      return view;
    });
  }

  async detail(ctx: RequestContext, user: AuthUser, id: string): Promise<CaseDetailView> {
    const found = await this.writer.visibleCase(ctx, user, id);
    const [parties, children, consents, screenings] = await Promise.all([
      this.dataSource
        .getRepository(Party)
        .find({ where: { caseId: id }, order: { role: 'ASC', createdAt: 'ASC' } }),
      this.dataSource
        .getRepository(CaseChild)
        .find({ where: { caseId: id }, order: { birthDate: 'ASC' } }),
      this.dataSource.getRepository(CaseConsent).findBy({ caseId: id }),
      this.dataSource.getRepository(CaseScreening).findBy({ caseId: id }),
    ]);
    const extras = await caseExtras(this.dataSource, id, user, this.clock.now());
    return { ...this.detailOf(found, parties, children, consents, screenings), ...extras };
  }

  /** Every recorded action on a visible case, oldest first, in the reader's language. */
  async timeline(ctx: RequestContext, user: AuthUser, id: string): Promise<TimelineEntry[]> {
    await this.writer.visibleCase(ctx, user, id);
    return caseTimeline(this.dataSource, id, ctx.lang);
  }

  list(user: AuthUser, query: ListCasesQuery): Promise<CasePage> {
    return listCases(this.dataSource, this.scope, user, query, this.clock.now());
  }

  /**
   * Exact search by a full ID number or phone through the blind indexes (the values travel in the
   * body, never in a URL). Audited as a sensitive read; results are limited to the user's scope.
   */
  async search(
    ctx: RequestContext,
    user: AuthUser,
    dto: SearchCasesDto,
  ): Promise<CaseSummaryView[]> {
    const given = [dto.idNumber, dto.phone].filter(Boolean).length;
    if (given !== 1) throw validationFailed([fieldError('idNumber', 'CASE.SEARCH_ONE_OF')]);
    const index = dto.idNumber
      ? { column: 'id_number_index', value: this.cipher.blindIndex('id', dto.idNumber) }
      : { column: 'phone_index', value: this.cipher.blindIndex('phone', dto.phone as string) };
    const qb = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .where(
        `EXISTS (SELECT 1 FROM parties sp WHERE sp.case_id = c.id AND sp.${index.column} = :value)`,
        {
          value: index.value,
        },
      );
    const scoped = this.scope.caseCondition(user, CASE_SCOPE_COLUMNS);
    const cases = await qb
      .andWhere(scoped.sql, scoped.params)
      .orderBy('c.receivedAt', 'DESC')
      .take(50)
      .getMany();
    await this.audit.recordAlone(ctx, {
      action: 'case.searched',
      entityType: 'case',
      after: { by: dto.idNumber ? 'idNumber' : 'phone', found: cases.length },
    });
    const names = cases.length
      ? await this.dataSource
          .getRepository(Party)
          .find({ where: cases.map((c) => ({ caseId: c.id })) })
      : [];
    const now = this.clock.now();
    return cases.map((c) =>
      CaseSummaryView.of(c, now, partyNamesOf(names.filter((p) => p.caseId === c.id))),
    );
  }

  async update(
    ctx: RequestContext,
    user: AuthUser,
    id: string,
    version: number,
    dto: UpdateCaseDto,
  ): Promise<CaseDetailView> {
    const { version: _v, ...changes } = dto;
    if (Object.keys(changes).length === 0)
      throw validationFailed([fieldError('body', 'VALIDATION.NOTHING_TO_CHANGE')]);
    await this.writer.write(ctx, user, id, version, 'update_details', async (manager, current) => {
      if (changes.courtReference && changes.courtReference !== current.courtReference) {
        const taken = await manager.existsBy(Case, {
          courtId: current.courtId,
          courtReference: changes.courtReference,
        });
        if (taken) throw conflict('CASE.DUPLICATE_COURT_REFERENCE');
      }
      const before = Object.fromEntries(
        Object.keys(changes).map((k) => [k, current[k as keyof typeof changes]]),
      );
      return {
        patch: changes,
        audit: { action: 'case.updated', before, after: changes },
        result: undefined,
      };
    });
    return this.detail(ctx, user, id);
  }

  private detailOf(
    c: Case,
    parties: Party[],
    children: CaseChild[],
    consents: CaseConsent[],
    screenings: CaseScreening[],
  ): CaseDetailView {
    return {
      ...CaseSummaryView.of(c, this.clock.now(), partyNamesOf(parties)),
      summary: c.summary,
      claims: c.claims,
      closureReason: c.closureReason,
      parties: parties.map(PartyView.of),
      children: children.map(ChildView.of),
      consents: consents.map(ConsentView.of),
      screenings: screenings.map((s) => screeningView(this.cipher, s)),
    };
  }
}
