import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { AuthUser, Actor } from '../../common/context/request-context.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { conflict, fieldError, validationFailed } from '../../common/errors/domain-error.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Case } from './case.entity.js';
import { CASE_SCOPE_COLUMNS, type CasePage, listCases } from './case-list.js';
import { CaseCode } from './cases.codes.js';
import { caseDetailOf, stageRecords } from './case-detail.js';
import { familyOf } from './case-family.js';
import type { FamilyView } from './dto/family.view.js';
import { caseTimeline, type TimelineEntry } from './case-timeline.js';
import { endAssignment } from './assignment/case-assignment.service.js';
import { type VersionedWrite, CaseWriter } from './case-writer.js';
import { CaseRepository } from './case.repository.js';
import { CaseDetailView, CaseSummaryView, partyNamesOf } from './dto/case.view.js';
import { ReasonDto, SearchCasesDto, UpdateCaseDto } from './dto/case-writes.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { Party } from './intake/party.entity.js';

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async detail(actor: Actor, id: string): Promise<CaseDetailView> {
    const { row, earlierRecords } = await this.cases.findVisibleWithFamily(actor, id);
    const now = this.clock.now();
    const [intake, records] = await Promise.all([
      this.cases.intakeRecords(id),
      stageRecords(this.dataSource, id, actor.user, now),
    ]);
    return {
      ...caseDetailOf(this.cipher, now, row, intake),
      ...records,
      family: { earlierRecords },
    };
  }

  /** The other cases of the same people (by ID number) that the caller may see, newest first. */
  async family(actor: Actor, id: string): Promise<FamilyView> {
    const found = await this.cases.findVisible(actor, id);
    return familyOf(this.dataSource, this.scope, actor.user, found);
  }

  /** Every recorded action on a visible case, oldest first, in the reader's language. */
  async timeline(actor: Actor, id: string): Promise<TimelineEntry[]> {
    await this.cases.findVisible(actor, id);
    return caseTimeline(this.dataSource, id, actor.lang);
  }

  list(user: AuthUser, query: ListCasesQuery): Promise<CasePage> {
    return listCases(this.dataSource, this.scope, user, query, this.clock.now());
  }

  /**
   * Exact search by a full ID number or phone through the blind indexes (the values travel in the
   * body, never in a URL). Audited as a sensitive read; results are limited to the user's scope.
   */
  async search(actor: Actor, dto: SearchCasesDto): Promise<CaseSummaryView[]> {
    const given = [dto.idNumber, dto.phone].filter(Boolean).length;
    if (given !== 1) throw validationFailed([fieldError('idNumber', CaseCode.SearchOneOf)]);
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
    const scoped = this.scope.caseCondition(actor.user, CASE_SCOPE_COLUMNS);
    const cases = await qb
      .andWhere(scoped.sql, scoped.params)
      .orderBy('c.receivedAt', 'DESC')
      .take(50)
      .getMany();
    await this.audit.recordAlone(actor, {
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
    { actor, id, version }: VersionedWrite,
    dto: UpdateCaseDto,
  ): Promise<CaseDetailView> {
    const { version: _v, ...changes } = dto;
    if (Object.keys(changes).length === 0)
      throw validationFailed([fieldError('body', ValidationCode.NothingToChange)]);
    await this.writer.write(actor, id, version, 'update_details', async (manager, current) => {
      if (changes.courtReference && changes.courtReference !== current.courtReference) {
        const taken = await manager.existsBy(Case, {
          courtId: current.courtId,
          courtReference: changes.courtReference,
        });
        if (taken) throw conflict(CaseCode.DuplicateCourtReference);
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
    return this.detail(actor, id);
  }

  /** The applicant withdraws, at any open stage. */
  async withdraw({ actor, id: caseId, version }: VersionedWrite, dto: ReasonDto): Promise<void> {
    await this.writer.write(actor, caseId, version, 'withdraw', async (manager, _current, now) => {
      // Closed like an expiry or an approval: her assignment ends with the case.
      await endAssignment(manager, caseId, now, 'closed');
      return {
        patch: { result: 'withdrawn', route: 'none', closedAt: now, closureReason: dto.reason },
        audit: { action: 'case.withdrawn', after: { reason: dto.reason } },
        result: undefined,
      };
    });
  }
}
