import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser, RequestContext, Actor } from '../../common/context/request-context.js';
import { fieldError, notFound, validationFailed } from '../../common/errors/domain-error.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { Region } from '../regions/region.entity.js';
import { escapeLike } from '../../common/sql.js';
import { RegionCode } from '../regions/regions.codes.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  OrganizationView,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { Organization } from './organization.entity.js';
import {
  checkWatchedVillages,
  replaceWatchedVillages,
  watchedVillagesOf,
} from './watched-villages.js';

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
      if (!region) throw validationFailed([fieldError('regionId', RegionCode.NoSuchRegion)]);
      const watched = dto.watchedVillageIds ?? [];
      const bad = await checkWatchedVillages(manager, region.path, watched);
      if (bad.length > 0) throw validationFailed(bad);
      const org = await manager.save(
        manager.create(Organization, {
          name: dto.name,
          regionId: dto.regionId,
          rooms: dto.rooms ?? [],
          kind: dto.kind ?? 'mediation_org',
          responsiblePerson: dto.responsiblePerson ?? null,
        }),
      );
      await replaceWatchedVillages(manager, org.id, watched);
      const view = OrganizationView.of(org, [...new Set(watched)]);
      await this.audit.record(manager, ctx, {
        action: 'organization.created',
        entityType: 'organization',
        entityId: org.id,
        regionPath: region.path,
        after: { ...view },
      });
      return view;
    });
  }

  /** Name or rooms (the whole list); an admin's correction, audited. */
  async update(
    ctx: RequestContext,
    id: string,
    dto: UpdateOrganizationDto,
  ): Promise<OrganizationView> {
    return this.dataSource.transaction(async (manager) => {
      const org = await manager.findOne(Organization, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!org) throw notFound('organization');
      const region = await manager.findOneBy(Region, { id: org.regionId });
      const watchedBefore = (await watchedVillagesOf(manager, [id])).get(id) ?? [];
      const before = OrganizationView.of(org, watchedBefore);
      if (dto.watchedVillageIds !== undefined) {
        const bad = await checkWatchedVillages(manager, region?.path ?? '', dto.watchedVillageIds);
        if (bad.length > 0) throw validationFailed(bad);
        await replaceWatchedVillages(manager, id, dto.watchedVillageIds);
      }
      if (dto.name !== undefined) org.name = dto.name;
      if (dto.rooms !== undefined) org.rooms = [...new Set(dto.rooms.map((r) => r.trim()))];
      if (dto.kind !== undefined) org.kind = dto.kind;
      if (dto.responsiblePerson !== undefined) org.responsiblePerson = dto.responsiblePerson;
      await manager.update(
        Organization,
        { id },
        {
          name: org.name,
          rooms: org.rooms,
          kind: org.kind,
          responsiblePerson: org.responsiblePerson,
        },
      );
      const after = OrganizationView.of(org, [...new Set(dto.watchedVillageIds ?? watchedBefore)]);
      await this.audit.record(manager, ctx, {
        action: 'organization.updated',
        entityType: 'organization',
        entityId: id,
        regionPath: region?.path ?? null,
        before: { ...before },
        after: { ...after },
      });
      return after;
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
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    const [orgs, total] = await qb
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    const watched = await watchedVillagesOf(
      this.dataSource.manager,
      orgs.map((o) => o.id),
    );
    return pageOf(
      orgs.map((o) => OrganizationView.of(o, watched.get(o.id))),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<OrganizationView> {
    const org = await this.dataSource
      .getRepository(Organization)
      .findOne({ where: { id }, relations: { region: true } });
    await this.scope.assertVisible(
      actor,
      org !== null && this.scope.isRelatedPath(actor.user, org.region?.path),
      {
        type: 'organization',
        id,
      },
    );
    const watched = await watchedVillagesOf(this.dataSource.manager, [id]);
    return OrganizationView.of(org as Organization, watched.get(id));
  }
}
