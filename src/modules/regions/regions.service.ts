import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser, RequestContext, Actor } from '../../common/context/request-context.js';
import {
  conflict,
  FieldError,
  notFound,
  validationFailed,
  fieldError,
} from '../../common/errors/domain-error.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';
import { Page, pageOf } from '../../common/pagination/page.js';
import { ScopeService } from '../../common/scope/scope.service.js';
import { isRegionCode } from '../../common/validation/chinese.js';
import { AuditService } from '../audit/audit.service.js';
import { escapeLike } from '../../common/sql.js';
import {
  CreateRegionDto,
  ListRegionsQuery,
  RegionImportResult,
  RegionView,
} from './dto/region.dto.js';
import { Region, REGION_LEVELS, RegionLevel } from './region.entity.js';
import { childPath, levelError } from './region-rules.js';
import { RegionCode } from './regions.codes.js';

const MAX_IMPORT_ROWS = 20_000;

@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, dto: CreateRegionDto): Promise<RegionView> {
    return this.dataSource.transaction(async (manager) => {
      const parent = dto.parentId ? await manager.findOneBy(Region, { id: dto.parentId }) : null;
      const errors: FieldError[] = [];
      if (dto.parentId && !parent) errors.push(fieldError('parentId', RegionCode.NoSuchRegion));
      const levelProblem =
        dto.parentId && !parent ? null : levelError(dto.level, parent?.level ?? null);
      if (levelProblem) errors.push(levelProblem);
      if (errors.length > 0) throw validationFailed(errors);
      if (await manager.existsBy(Region, { code: dto.code })) {
        throw conflict(RegionCode.CodeTaken, { code: dto.code });
      }
      const region = await this.insert(manager, dto.code, dto.name, dto.level, parent);
      await this.audit.record(manager, ctx, {
        action: 'region.created',
        entityType: 'region',
        entityId: region.id,
        regionPath: region.path,
        after: { ...RegionView.of(region) },
      });
      return RegionView.of(region);
    });
  }

  async list(user: AuthUser, query: ListRegionsQuery): Promise<Page<RegionView>> {
    const qb = this.dataSource.getRepository(Region).createQueryBuilder('r');
    const scoped = this.scope.regionCondition(user, 'r.path');
    qb.where(scoped.sql, scoped.params);
    if (query.parentId) qb.andWhere('r.parentId = :parentId', { parentId: query.parentId });
    if (query.rootId) {
      const root = await this.dataSource.getRepository(Region).findOneBy({ id: query.rootId });
      qb.andWhere('r.path LIKE :rootPrefix', { rootPrefix: `${root?.path ?? '-'}%` });
    }
    if (query.level) qb.andWhere('r.level = :level', { level: query.level });
    if (query.q) {
      qb.andWhere('(r.name LIKE :qName OR r.code LIKE :qCode)', {
        qName: `%${escapeLike(query.q)}%`,
        qCode: `${escapeLike(query.q)}%`,
      });
    }
    const [regions, total] = await qb
      .orderBy('r.path', 'ASC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(regions.map(RegionView.of), total, query);
  }

  async get(actor: Actor, id: string): Promise<RegionView> {
    const region = await this.dataSource.getRepository(Region).findOneBy({ id });
    await this.scope.assertVisible(
      actor,
      region !== null && this.scope.canSeePath(actor.user, region.path),
      {
        type: 'region',
        id,
      },
    );
    return RegionView.of(region as Region);
  }

  /**
   * Imports regions from CSV with a header `code,name,level,parentCode` (parentCode empty for a
   * city). Parents may come earlier in the file or exist already. All rows or none: the first
   * problems are reported by line. A row whose code exists with the same facts is skipped, so
   * the same file can be imported twice.
   */
  async importCsv(ctx: RequestContext, csv: string): Promise<RegionImportResult> {
    const rows = this.parseCsv(csv);
    return this.dataSource.transaction(async (manager) => {
      const codes = [
        ...new Set(rows.flatMap((r) => [r.code, r.parentCode].filter((c): c is string => !!c))),
      ];
      const known = new Map<string, Region>();
      for (let i = 0; i < codes.length; i += 1000) {
        const found = await manager
          .createQueryBuilder(Region, 'r')
          .where('r.code IN (:...codes)', { codes: codes.slice(i, i + 1000) })
          .getMany();
        for (const region of found) known.set(region.code, region);
      }
      const errors: FieldError[] = [];
      let created = 0;
      let unchanged = 0;
      for (const row of rows) {
        const at = `line ${row.line}`;
        const parent = row.parentCode ? known.get(row.parentCode) : null;
        if (row.parentCode && !parent) {
          errors.push(
            fieldError(`${at}.parentCode`, RegionCode.CsvParentUnknown, { code: row.parentCode }),
          );
          continue;
        }
        const existing = known.get(row.code);
        if (existing) {
          const same =
            existing.name === row.name &&
            existing.level === row.level &&
            existing.parentId === (parent?.id ?? null);
          if (same) unchanged += 1;
          else
            errors.push(fieldError(`${at}.code`, RegionCode.CsvCodeConflict, { code: row.code }));
          continue;
        }
        const problem = levelError(row.level, parent?.level ?? null, `${at}.level`);
        if (problem) {
          errors.push(problem);
          continue;
        }
        known.set(
          row.code,
          await this.insert(manager, row.code, row.name, row.level, parent ?? null),
        );
        created += 1;
        if (errors.length >= 50) break;
      }
      if (errors.length > 0) throw validationFailed(errors.slice(0, 50));
      await this.audit.record(manager, ctx, {
        action: 'region.imported',
        entityType: 'region',
        after: { created, unchanged, rows: rows.length },
      });
      return { created, unchanged };
    });
  }

  async findOrFail(id: string): Promise<Region> {
    const region = await this.dataSource.getRepository(Region).findOneBy({ id });
    if (!region) throw notFound('region');
    return region;
  }

  private async insert(
    manager: EntityManager,
    code: string,
    name: string,
    level: RegionLevel,
    parent: Region | null,
  ): Promise<Region> {
    const path = childPath(parent?.path ?? null, code);
    return manager.save(
      manager.create(Region, {
        code,
        name,
        level,
        parentId: parent?.id ?? null,
        path,
        depth: path.split('.').length - 1,
      }),
    );
  }

  private parseCsv(
    csv: string,
  ): { line: number; code: string; name: string; level: RegionLevel; parentCode: string | null }[] {
    let records: Record<string, string>[];
    try {
      records = parse(csv, {
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
        relax_column_count: false,
      });
    } catch (error) {
      // The parser's message is English and quotes the input: only its line leaves the process.
      const line = (error as { lines?: unknown } | null)?.lines;
      throw validationFailed([
        fieldError(
          'body',
          RegionCode.CsvUnreadable,
          typeof line === 'number' ? { context: 'line', line } : {},
        ),
      ]);
    }
    if (records.length === 0) throw validationFailed([fieldError('body', RegionCode.CsvEmpty)]);
    if (records.length > MAX_IMPORT_ROWS) {
      throw validationFailed([
        fieldError('body', RegionCode.CsvTooManyRows, { max: MAX_IMPORT_ROWS }),
      ]);
    }
    const missing = ['code', 'name', 'level', 'parentCode'].filter((c) => !(c in records[0]));
    if (missing.length > 0) {
      throw validationFailed(
        missing.map((c) => fieldError(`header.${c}`, RegionCode.CsvHeaderMissing, { column: c })),
      );
    }
    const errors: FieldError[] = [];
    const rows = records.map((r, i) => {
      const line = i + 2;
      if (!isRegionCode(r.code))
        errors.push(fieldError(`line ${line}.code`, ValidationCode.RegionCodeFormat));
      if (r.parentCode && !isRegionCode(r.parentCode)) {
        errors.push(fieldError(`line ${line}.parentCode`, RegionCode.ParentCodeFormat));
      }
      if (!r.name || r.name.length > 100)
        errors.push(fieldError(`line ${line}.name`, RegionCode.NameLength));
      if (!(REGION_LEVELS as readonly string[]).includes(r.level)) {
        errors.push(
          fieldError(`line ${line}.level`, RegionCode.LevelUnknown, { levels: [...REGION_LEVELS] }),
        );
      }
      return {
        line,
        code: r.code,
        name: r.name,
        level: r.level as RegionLevel,
        parentCode: r.parentCode || null,
      };
    });
    if (errors.length > 0) throw validationFailed(errors.slice(0, 50));
    return rows;
  }
}
