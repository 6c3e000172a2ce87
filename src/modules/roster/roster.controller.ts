import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  CurrentUser,
  type AuthUser,
  type Actor,
  Caller,
} from '../../common/context/request-context.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { OrganizationCode } from '../organizations/organizations.codes.js';
import { RegionCode } from '../regions/regions.codes.js';
import {
  ConflictDto,
  ListMediatorsQuery,
  MediatorView,
  TrainingDto,
  UpdateMediatorDto,
} from './dto/roster.dto.js';
import { RosterCode } from './roster.codes.js';
import { RosterService } from './roster.service.js';
import { ApiDoc, ok, created, noContent } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';

class MediatorPage extends PageView(MediatorView) {}

@ApiTags('mediators')
@Controller('mediators')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @ApiDoc({
    summary: '调解员名册',
    description: '调用者辖区内的调解员，可按区划、专长、是否可接案、是否受过反家暴培训筛选并分页。',
    reply: ok(MediatorPage),
  })
  @Get()
  @Access('admin', 'clerk', 'supervisor')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListMediatorsQuery,
  ): Promise<Page<MediatorView>> {
    return this.roster.list(user, query);
  }

  @ApiDoc({
    summary: '调解员详情',
    description: '调解员的资质、负责的村、培训记录与当前负荷；调解员只能看自己。',
    reply: ok(MediatorView),
    errors: { 404: [RosterCode.MediatorNotFound] },
  })
  @Get(':id')
  @Access('admin', 'clerk', 'supervisor', 'mediator')
  get(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<MediatorView> {
    return this.roster.get(actor, id);
  }

  @ApiDoc({
    summary: '修改调解员',
    description: '修改职务、所属组织、负责的村、专长、是否启用与最大在办数。',
    reply: ok(MediatorView),
    body: { type: UpdateMediatorDto, example: EXAMPLES.updateMediator },
    errors: { 404: [RosterCode.MediatorNotFound, OrganizationCode.NotFound, RegionCode.NotFound] },
  })
  @Patch(':id')
  @Access('admin', 'supervisor')
  update(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateMediatorDto,
  ): Promise<MediatorView> {
    return this.roster.update(actor, id, body);
  }

  @ApiDoc({
    summary: '登记培训',
    description: '为调解员登记一次培训（题目、日期、学时、主题）。',
    reply: created(MediatorView),
    body: { type: TrainingDto, example: EXAMPLES.training },
    errors: { 404: [RosterCode.MediatorNotFound] },
  })
  @Post(':id/trainings')
  @Access('admin', 'supervisor')
  addTraining(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: TrainingDto,
  ): Promise<MediatorView> {
    return this.roster.addTraining(actor, id, body);
  }

  @ApiDoc({
    summary: '申报回避',
    description: '调解员（或其督导）申报与某案件或某人有利害关系；此后不再推荐或指派给她。',
    reply: noContent('已记录'),
    body: { type: ConflictDto, example: EXAMPLES.conflict },
    // The case's code as its string: the roster may not import the cases module, which imports
    // the roster (a folder cycle); ErrorCode still checks it.
    errors: { 404: [RosterCode.MediatorNotFound, 'CASE.NOT_FOUND'] },
  })
  @Post(':id/conflicts')
  @HttpCode(204)
  @Access('supervisor', 'mediator')
  declareConflict(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: ConflictDto,
  ): Promise<void> {
    return this.roster.declareConflict(actor, id, body);
  }
}
