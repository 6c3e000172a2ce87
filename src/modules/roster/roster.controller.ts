import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { PageView, type Page } from '../../common/pagination/page.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import {
  ConflictDto,
  ListMediatorsQuery,
  MediatorView,
  TrainingDto,
  UpdateMediatorDto,
} from './dto/roster.dto.js';
import { RosterService } from './roster.service.js';

class MediatorPage extends PageView(MediatorView) {}

@ApiTags('mediators')
@Controller('mediators')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  @Access('admin', 'clerk', 'supervisor')
  @ApiOkResponse({ type: MediatorPage, description: 'the roster (名册) of the caller’s region' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListMediatorsQuery,
  ): Promise<Page<MediatorView>> {
    return this.roster.list(user, query);
  }

  @Get(':id')
  @Access('admin', 'clerk', 'supervisor', 'mediator')
  @ApiOkResponse({ type: MediatorView })
  get(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<MediatorView> {
    return this.roster.get(ctx, user, id);
  }

  @Patch(':id')
  @Access('admin', 'supervisor')
  @ApiOkResponse({ type: MediatorView })
  update(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateMediatorDto,
  ): Promise<MediatorView> {
    return this.roster.update(ctx, user, id, body);
  }

  @Post(':id/trainings')
  @Access('admin', 'supervisor')
  @ApiCreatedResponse({ type: MediatorView })
  addTraining(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: TrainingDto,
  ): Promise<MediatorView> {
    return this.roster.addTraining(ctx, user, id, body);
  }

  @Post(':id/conflicts')
  @HttpCode(204)
  @Access('supervisor', 'mediator')
  @ApiNoContentResponse({
    description: 'recorded; the mediator is no longer suggested or assignable for it',
  })
  declareConflict(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ConflictDto,
  ): Promise<void> {
    return this.roster.declareConflict(ctx, user, id, body);
  }
}
