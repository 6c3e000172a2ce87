import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { validationFailed } from '../../common/errors/domain-error.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import {
  CreateRegionDto,
  ListRegionsQuery,
  RegionImportResult,
  RegionView,
} from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';

class RegionPage extends PageView(RegionView) {}

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Post()
  @Access('admin')
  @ApiCreatedResponse({ type: RegionView })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateRegionDto): Promise<RegionView> {
    return this.regions.create(ctx, body);
  }

  @Post('import')
  @Access('admin')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'CSV with header `code,name,level,parentCode`',
    schema: {
      type: 'string',
      example: 'code,name,level,parentCode\n370281105000,胶西镇,township,370281000000',
    },
  })
  @ApiCreatedResponse({ type: RegionImportResult })
  import(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<RegionImportResult> {
    if (typeof body !== 'string') {
      throw validationFailed([{ field: 'body', message: 'send the CSV as text/csv' }]);
    }
    return this.regions.importCsv(ctx, body);
  }

  @Get()
  @Access('any')
  @ApiOkResponse({ type: RegionPage, description: "Regions in the caller's scope, in tree order" })
  list(@CurrentUser() user: AuthUser, @Query() query: ListRegionsQuery): Promise<Page<RegionView>> {
    return this.regions.list(user, query);
  }

  @Get(':id')
  @Access('any')
  @ApiOkResponse({ type: RegionView })
  get(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<RegionView> {
    return this.regions.get(ctx, user, id);
  }
}
