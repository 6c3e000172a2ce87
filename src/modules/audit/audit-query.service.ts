import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/context/request-context.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditEventView, ListAuditQuery } from './dto/audit.dto.js';

/** Reading the trail (writing it is AuditService's, which the scope service itself uses). */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  /** Newest first. A supervisor sees the events located in her region; an admin sees all. */
  async list(user: AuthUser, query: ListAuditQuery): Promise<Page<AuditEventView>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('a');
    const scoped = this.scope.regionCondition(user, 'a.regionPath');
    qb.where(scoped.sql, scoped.params);
    if (query.caseId) qb.andWhere('a.caseId = :caseId', { caseId: query.caseId });
    if (query.actorId) qb.andWhere('a.actorId = :actorId', { actorId: query.actorId });
    if (query.entityType)
      qb.andWhere('a.entityType = :entityType', { entityType: query.entityType });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.occurredAt >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurredAt < :to', { to: query.to });
    const [events, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(events.map(AuditEventView.of), total, query);
  }
}
