import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
  type Actor,
  Caller,
} from '../../common/context/request-context.js';
import { validationFailed, fieldError } from '../../common/errors/domain-error.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import {
  CreateRegionDto,
  ListRegionsQuery,
  RegionImportResult,
  RegionView,
} from './dto/region.dto.js';
import { RegionCode } from './regions.codes.js';
import { RegionsService } from './regions.service.js';
import { ApiDoc, ok, created } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

class RegionPage extends PageView(RegionView) {}

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @ApiDoc({
    summary: '创建区划',
    description: '创建市、县（区）、乡镇或村；代码为 12 位统计用区划代码。',
    reply: created(RegionView),
    body: { type: CreateRegionDto, example: EXAMPLES.createRegion },
    errors: { 404: [RegionCode.NotFound], 409: [RegionCode.CodeTaken] },
  })
  @Post()
  @Access('admin')
  create(@Ctx() ctx: RequestContext, @Body() body: CreateRegionDto): Promise<RegionView> {
    return this.regions.create(ctx, body);
  }

  @ApiDoc({
    summary: '导入区划',
    description:
      '以 CSV（表头 code,name,level,parentCode）批量导入区划；已存在且名称、级别、上级都相同的行计为 unchanged。',
    reply: created(RegionImportResult),
    body: { schema: { type: 'string' }, example: EXAMPLES.importRegions },
    errors: { 409: [RegionCode.CodeTaken] },
  })
  @Post('import')
  @Access('admin')
  @ApiConsumes('text/csv')
  import(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<RegionImportResult> {
    if (typeof body !== 'string') {
      throw validationFailed([fieldError('body', RegionCode.CsvContentType)]);
    }
    return this.regions.importCsv(ctx, body);
  }

  @ApiDoc({
    summary: '区划列表',
    description: '调用者范围内的区划，按树的顺序。',
    reply: ok(RegionPage),
  })
  @Get()
  @Access('any')
  list(@CurrentUser() user: AuthUser, @Query() query: ListRegionsQuery): Promise<Page<RegionView>> {
    return this.regions.list(user, query);
  }

  @ApiDoc({
    summary: '区划详情',
    description: '一个区划。',
    reply: ok(RegionView),
    errors: { 404: [RegionCode.NotFound] },
  })
  @Get(':id')
  @Access('any')
  get(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RegionView> {
    return this.regions.get(actor, id);
  }
}
