import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser, RequestContext } from '../../common/context/request-context.js';
import { validationFailed, fieldError } from '../../common/errors/domain-error.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Region } from '../regions/region.entity.js';
import { escapeLike } from '../../common/sql.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  OrganizationView,
} from './dto/organization.dto.js';
import { Organization } from './organization.entity.js';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, dto: CreateOrganizationDto): Promise<OrganizationView> {
    return this.dataSource.transaction(async (manager) => {
      const region = await manager.findOneBy(Region, { id: dto.regionId });
      if (!region) throw validationFailed([fieldError('regionId', 'REGION.NO_SUCH_REGION')]);
      const org = await manager.save(
        manager.create(Organization, {
          name: dto.name,
          regionId: dto.regionId,
          rooms: dto.rooms ?? [],
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'organization.created',
        entityType: 'organization',
        entityId: org.id,
        regionPath: region.path,
        after: { ...OrganizationView.of(org) },
      });
      return OrganizationView.of(org);
    });
  }

  async list(user: AuthUser, query: ListOrganizationsQuery): Promise<Page<OrganizationView>> {
    const qb = this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .innerJoin('o.region', 'r');
    const scoped = this.scope.relatedCondition(user, 'r.path');
    qb.where(scoped.sql, scoped.params);
    if (query.q) qb.andWhere('o.name LIKE :q', { q: `%${escapeLike(query.q)}%` });
    const [orgs, total] = await qb
      .orderBy('o.name', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(orgs.map(OrganizationView.of), total, query);
  }

  async get(ctx: RequestContext, user: AuthUser, id: string): Promise<OrganizationView> {
    const org = await this.dataSource
      .getRepository(Organization)
      .findOne({ where: { id }, relations: { region: true } });
    await this.scope.assertVisible(
      ctx,
      org !== null && this.scope.isRelatedPath(user, org.region?.path),
      {
        type: 'organization',
        id,
      },
    );
    return OrganizationView.of(org as Organization);
  }
}
