import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
  type Actor,
  Caller,
} from '../../common/context/request-context.js';
import { ValidationCode } from '../../common/i18n/common.codes.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { RegionCode } from '../regions/regions.codes.js';
import { CourtCode } from './courts.codes.js';
import { CourtsService } from './courts.service.js';
import { CourtView, CreateCourtDto, ListCourtsQuery, UpdateCourtDto } from './dto/court.dto.js';
import { ApiDoc, ok, created } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

class CourtPage extends PageView(CourtView) {}

@ApiTags('courts')
@Controller('courts')
export class CourtsController {
  constructor(private readonly courts: CourtsService) {}

  @ApiDoc({
    summary: '创建法院',
    description: '创建法院及其管辖区划。',
    reply: created(CourtView),
    body: { type: CreateCourtDto, example: EXAMPLES.createCourt },
    errors: { 404: [RegionCode.NotFound], 409: [CourtCode.CodeTaken] },
  })
  @Post()
  @Access('admin')
  create(@Ctx() ctx: RequestContext, @Body() body: CreateCourtDto): Promise<CourtView> {
    return this.courts.create(ctx, body);
  }

  @ApiDoc({
    summary: '法院列表',
    description: '管辖范围在调用者范围内或覆盖调用者范围的法院。',
    reply: ok(CourtPage),
  })
  @Get()
  @Access('any')
  list(@CurrentUser() user: AuthUser, @Query() query: ListCourtsQuery): Promise<Page<CourtView>> {
    return this.courts.list(user, query);
  }

  @ApiDoc({
    summary: '法院详情',
    description: '一个法院。',
    reply: ok(CourtView),
    errors: { 404: [CourtCode.NotFound] },
  })
  @Get(':id')
  @Access('any')
  get(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CourtView> {
    return this.courts.get(actor, id);
  }

  @ApiDoc({
    summary: '修改法院',
    description: '修改法院名称或案号代字（如“鲁0281”）；新代字只用于此后受理的案件，已编案号不变。',
    reply: ok(CourtView),
    body: { type: UpdateCourtDto, example: { name: '胶州市人民法院', designator: '鲁0281' } },
    errors: {
      400: [ValidationCode.Failed],
      404: [CourtCode.NotFound],
      409: [CourtCode.DesignatorTaken],
    },
  })
  @Patch(':id')
  @Access('admin')
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateCourtDto,
  ): Promise<CourtView> {
    return this.courts.update(ctx, id, body);
  }
}
