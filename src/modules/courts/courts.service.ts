import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser, RequestContext } from '../../common/context/request-context.js';
import { conflict, validationFailed } from '../../common/errors/domain-error.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Region } from '../regions/region.entity.js';
import { escapeLike } from '../../common/sql.js';
import { Court } from './court.entity.js';
import { CourtView, CreateCourtDto, ListCourtsQuery } from './dto/court.dto.js';

@Injectable()
export class CourtsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, dto: CreateCourtDto): Promise<CourtView> {
    return this.dataSource.transaction(async (manager) => {
      const region = await manager.findOneBy(Region, { id: dto.regionId });
      if (!region) throw validationFailed([{ field: 'regionId', message: 'no such region' }]);
      if (region.level !== 'county' && region.level !== 'city') {
        throw validationFailed([
          { field: 'regionId', message: 'a court’s jurisdiction is a county or a city' },
        ]);
      }
      if (await manager.existsBy(Court, { code: dto.code })) {
        throw conflict('COURT.CODE_TAKEN', `A court with code ${dto.code} exists`);
      }
      const court = await manager.save(manager.create(Court, dto));
      await this.audit.record(manager, ctx, {
        action: 'court.created',
        entityType: 'court',
        entityId: court.id,
        regionPath: region.path,
        after: { ...CourtView.of(court) },
      });
      return CourtView.of(court);
    });
  }

  async list(user: AuthUser, query: ListCourtsQuery): Promise<Page<CourtView>> {
    const qb = this.dataSource
      .getRepository(Court)
      .createQueryBuilder('c')
      .innerJoin('c.region', 'r');
    const scoped = this.scope.relatedCondition(user, 'r.path');
    qb.where(scoped.sql, scoped.params);
    if (query.q) {
      qb.andWhere('(c.name LIKE :q OR c.code LIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    const [courts, total] = await qb
      .orderBy('c.code', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(courts.map(CourtView.of), total, query);
  }

  async get(ctx: RequestContext, user: AuthUser, id: string): Promise<CourtView> {
    const court = await this.dataSource
      .getRepository(Court)
      .findOne({ where: { id }, relations: { region: true } });
    await this.scope.assertVisible(
      ctx,
      court !== null && this.scope.isRelatedPath(user, court.region?.path),
      {
        type: 'court',
        id,
      },
    );
    return CourtView.of(court as Court);
  }
}
