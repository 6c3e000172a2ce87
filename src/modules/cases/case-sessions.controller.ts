import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { CaseSessionsService } from './case-sessions.service.js';
import { CaseVersion, IfMatchHeader } from './case-writer.js';
import { ReasonDto, VersionedDto } from './dto/case-writes.dto.js';
import {
  RecordSessionDto,
  RescheduleSessionDto,
  ScheduleSessionDto,
  SessionView,
} from './dto/session.dto.js';

/** Sessions; every write is guarded by the case's version. */
@ApiTags('sessions')
@Controller()
export class CaseSessionsController {
  constructor(private readonly sessions: CaseSessionsService) {}

  @Get('cases/:id/sessions')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({ type: [SessionView], description: 'records are hidden from clerks' })
  list(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<SessionView[]> {
    return this.sessions.list(ctx, user, id);
  }

  @Post('cases/:id/sessions')
  @Access('mediator')
  @IfMatchHeader()
  @ApiCreatedResponse({ type: SessionView })
  schedule(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ScheduleSessionDto,
    @CaseVersion() version: number,
  ): Promise<SessionView> {
    return this.sessions.schedule(ctx, user, id, version, body);
  }

  @Patch('sessions/:id')
  @Access('mediator')
  @IfMatchHeader()
  @ApiOkResponse({ type: SessionView })
  reschedule(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RescheduleSessionDto,
    @CaseVersion() version: number,
  ): Promise<SessionView> {
    return this.sessions.reschedule(ctx, user, id, version, body);
  }

  @Post('sessions/:id/record')
  @HttpCode(200)
  @Access('mediator')
  @IfMatchHeader()
  @ApiOkResponse({ type: SessionView, description: 'the 调解笔录' })
  record(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RecordSessionDto,
    @CaseVersion() version: number,
  ): Promise<SessionView> {
    return this.sessions.record(ctx, user, id, version, body);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @Access('mediator')
  @IfMatchHeader()
  @ApiOkResponse({ type: SessionView })
  cancel(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReasonDto,
    @CaseVersion() version: number,
  ): Promise<SessionView> {
    return this.sessions.close(ctx, user, id, version, 'cancelled', body.reason);
  }

  @Post('sessions/:id/no-show')
  @HttpCode(200)
  @Access('mediator')
  @IfMatchHeader()
  @ApiOkResponse({ type: SessionView })
  noShow(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: VersionedDto,
    @CaseVersion() version: number,
  ): Promise<SessionView> {
    return this.sessions.close(ctx, user, id, version, 'no_show');
  }
}
