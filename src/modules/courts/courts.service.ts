import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser, RequestContext, Actor } from '../../common/context/request-context.js';
import {
  conflict,
  notFound,
  validationFailed,
  fieldError,
} from '../../common/errors/domain-error.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Region } from '../regions/region.entity.js';
import { escapeLike } from '../../common/sql.js';
import { RegionCode } from '../regions/regions.codes.js';
import { Court } from './court.entity.js';
import { defaultCourtDesignator } from './court-designator.js';
import { CourtCode } from './courts.codes.js';
import { CourtView, CreateCourtDto, ListCourtsQuery, UpdateCourtDto } from './dto/court.dto.js';

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
      if (!region) throw validationFailed([fieldError('regionId', RegionCode.NoSuchRegion)]);
      if (region.level !== 'county' && region.level !== 'city') {
        throw validationFailed([fieldError('regionId', CourtCode.JurisdictionLevel)]);
      }
      if (await manager.existsBy(Court, { code: dto.code })) {
        throw conflict(CourtCode.CodeTaken, { code: dto.code });
      }
      const designator = dto.designator ?? defaultCourtDesignator(region.code, region.level);
      if (!designator) {
        throw validationFailed([fieldError('designator', CourtCode.DesignatorRequired)]);
      }
      await this.assertDesignatorFree(manager, designator);
      const court = await manager.save(manager.create(Court, { ...dto, designator }));
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

  /** Name or designator; an admin's correction, audited. */
  async update(ctx: RequestContext, id: string, dto: UpdateCourtDto): Promise<CourtView> {
    return this.dataSource.transaction(async (manager) => {
      const court = await manager.findOne(Court, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!court) throw notFound('court');
      const region = await manager.findOneBy(Region, { id: court.regionId });
      const before = CourtView.of(court);
      if (dto.designator !== undefined && dto.designator !== court.designator) {
        await this.assertDesignatorFree(manager, dto.designator);
        court.designator = dto.designator;
      }
      if (dto.name !== undefined) court.name = dto.name;
      await manager.update(Court, { id }, { designator: court.designator, name: court.name });
      const after = CourtView.of(court);
      await this.audit.record(manager, ctx, {
        action: 'court.updated',
        entityType: 'court',
        entityId: id,
        regionPath: region?.path ?? null,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  // Case numbers are unique across courts: two courts with one designator would collide.
  private async assertDesignatorFree(manager: EntityManager, designator: string): Promise<void> {
    if (await manager.existsBy(Court, { designator })) {
      throw conflict(CourtCode.DesignatorTaken, { designator });
    }
  }

  async list(user: AuthUser, query: ListCourtsQuery): Promise<Page<CourtView>> {
    const qb = this.dataSource
      .getRepository(Court)
      .createQueryBuilder('c')
      .innerJoin('c.region', 'r');
    const scoped = this.scope.relatedCondition(user, 'r.path');
    qb.where(scoped.sql, scoped.params);
    if (query.q) {
      qb.andWhere('(c.name LIKE :q OR c.code LIKE :q OR c.designator LIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const [courts, total] = await qb
      .orderBy('c.code', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(courts.map(CourtView.of), total, query);
  }

  async get(actor: Actor, id: string): Promise<CourtView> {
    const court = await this.dataSource
      .getRepository(Court)
      .findOne({ where: { id }, relations: { region: true } });
    await this.scope.assertVisible(
      actor,
      court !== null && this.scope.isRelatedPath(actor.user, court.region?.path),
      {
        type: 'court',
        id,
      },
    );
    return CourtView.of(court as Court);
  }
}
