import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import { type Actor, Caller } from '../../../common/context/request-context.js';
import { UuidPipe } from '../../../common/validation/uuid.pipe.js';
import { CaseCode } from '../cases.codes.js';
import { CaseSessionsService } from './case-sessions.service.js';
import { VersionedWrite } from '../case-writer.js';
import { ReasonDto, VersionedDto } from '../dto/case-writes.dto.js';
import {
  RecordSessionDto,
  RescheduleSessionDto,
  ScheduleSessionDto,
  SessionView,
} from './dto/session.dto.js';
import { ApiDoc, ok, okList, created } from '../../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../../common/openapi/examples.js';
import { SessionCode } from './sessions.codes.js';

/** Sessions; every write is guarded by the case's version. */
@ApiTags('sessions')
@Controller()
export class CaseSessionsController {
  constructor(private readonly sessions: CaseSessionsService) {}

  @ApiDoc({
    summary: '调解会次列表',
    description: '案件的全部调解会次；书记员看不到笔录内容。',
    reply: okList(SessionView, '按时间先后；书记员看不到笔录'),
    errors: { 404: [CaseCode.NotFound] },
  })
  @Get('cases/:id/sessions')
  @Access('clerk', 'mediator', 'supervisor')
  list(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<SessionView[]> {
    return this.sessions.list(actor, id);
  }

  @ApiDoc({
    summary: '安排调解会次',
    description: '安排一次调解会谈；安全评估要求背对背时不能安排面对面（joint）调解。',
    reply: created(SessionView),
    body: { type: ScheduleSessionDto, example: EXAMPLES.schedule },
    errors: {
      404: [CaseCode.NotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        CaseCode.NotAssignedToYou,
        SessionCode.JointNotAllowed,
      ],
    },
  })
  @Post('cases/:id/sessions')
  @Access('mediator')
  schedule(
    @VersionedWrite() write: VersionedWrite,
    @Body() body: ScheduleSessionDto,
  ): Promise<SessionView> {
    return this.sessions.schedule(write, body);
  }

  @ApiDoc({
    summary: '改期',
    description: '修改尚未举行的会次的时间、地点或方式。',
    reply: ok(SessionView),
    body: { type: RescheduleSessionDto, example: EXAMPLES.reschedule },
    errors: {
      404: [SessionCode.NotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        CaseCode.NotAssignedToYou,
        SessionCode.NotScheduled,
        SessionCode.JointNotAllowed,
      ],
    },
  })
  @Patch('sessions/:id')
  @Access('mediator')
  reschedule(
    @VersionedWrite() write: VersionedWrite,
    @Body() body: RescheduleSessionDto,
  ): Promise<SessionView> {
    return this.sessions.reschedule(write, body);
  }

  @ApiDoc({
    summary: '记录调解笔录',
    description: '记录已举行会次的调解笔录（到场人员、各方陈述、调解结果）。',
    reply: ok(SessionView, '调解笔录'),
    body: { type: RecordSessionDto, example: EXAMPLES.record },
    errors: {
      404: [SessionCode.NotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        CaseCode.NotAssignedToYou,
        SessionCode.NotScheduled,
        SessionCode.Cancelled,
      ],
    },
  })
  @Post('sessions/:id/record')
  @HttpCode(200)
  @Access('mediator')
  record(
    @VersionedWrite() write: VersionedWrite,
    @Body() body: RecordSessionDto,
  ): Promise<SessionView> {
    return this.sessions.record(write, body);
  }

  @ApiDoc({
    summary: '取消会次',
    description: '取消尚未举行的会次并说明原因。',
    reply: ok(SessionView),
    body: { type: ReasonDto, example: EXAMPLES.cancel },
    errors: {
      404: [SessionCode.NotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        CaseCode.NotAssignedToYou,
        SessionCode.NotScheduled,
      ],
    },
  })
  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @Access('mediator')
  cancel(@VersionedWrite() write: VersionedWrite, @Body() body: ReasonDto): Promise<SessionView> {
    return this.sessions.close(write, 'cancelled', body.reason);
  }

  @ApiDoc({
    summary: '记录当事人未到场',
    description: '记录会次因当事人未到场而未能举行。',
    reply: ok(SessionView),
    body: { type: VersionedDto, example: EXAMPLES.versioned },
    errors: {
      404: [SessionCode.NotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        CaseCode.NotAssignedToYou,
        SessionCode.NotScheduled,
      ],
    },
  })
  @Post('sessions/:id/no-show')
  @HttpCode(200)
  @Access('mediator')
  noShow(
    @VersionedWrite() write: VersionedWrite,
    @Body() _body: VersionedDto,
  ): Promise<SessionView> {
    return this.sessions.close(write, 'no_show');
  }
}
