import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import { type Actor, Caller } from '../../../common/context/request-context.js';
import { UuidPipe } from '../../../common/validation/uuid.pipe.js';
import { RosterCode } from '../../roster/roster.codes.js';
import { CaseCode } from '../cases.codes.js';
import { AssignmentCode } from './assignment.codes.js';
import { CaseAssignmentService } from './case-assignment.service.js';
import { VersionedWrite } from '../case-writer.js';
import { AssignDto, SuggestionView } from './dto/assignment.dto.js';
import { ReasonDto, VersionedDto } from '../dto/case-writes.dto.js';
import { ApiDoc, okList, noContent } from '../../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../../common/openapi/examples.js';

/** Assignment and the mediator's answer (accepting starts the legal clock). */
@ApiTags('cases')
@Controller('cases')
export class CaseAssignmentController {
  constructor(private readonly assignments: CaseAssignmentService) {}

  @ApiDoc({
    summary: '推荐调解员',
    description: '按村、专长、负荷与培训排序的可指派调解员，随后是不可指派者及其原因。',
    reply: okList(SuggestionView, '可指派者在前，然后是不可指派者及原因'),
    errors: { 404: [CaseCode.NotFound] },
  })
  @Get(':id/mediator-suggestions')
  @Access('clerk', 'supervisor')
  suggestions(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
  ): Promise<SuggestionView[]> {
    return this.assignments.suggestions(actor, id);
  }

  @ApiDoc({
    summary: '指派调解员',
    description:
      '将案件指派（或改派）给一名调解员；不符合条件的调解员为 409 ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE。',
    reply: noContent(),
    body: { type: AssignDto, example: EXAMPLES.assign },
    errors: {
      404: [CaseCode.NotFound, RosterCode.MediatorNotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        AssignmentCode.MediatorNotEligible,
        AssignmentCode.AlreadyAssigned,
      ],
    },
  })
  @Post(':id/assignment')
  @HttpCode(204)
  @Access('clerk', 'supervisor')
  assign(@VersionedWrite() write: VersionedWrite, @Body() body: AssignDto): Promise<void> {
    return this.assignments.assign(write, body);
  }

  @ApiDoc({
    summary: '受理案件',
    description: '被指派的调解员受理案件，法定调解期限自此起算。',
    reply: noContent(),
    body: { type: VersionedDto, example: EXAMPLES.versioned },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, CaseCode.NotAssignedToYou],
    },
  })
  @Post(':id/accept')
  @HttpCode(204)
  @Access('mediator')
  accept(@VersionedWrite() write: VersionedWrite, @Body() _body: VersionedDto): Promise<void> {
    return this.assignments.accept(write);
  }

  @ApiDoc({
    summary: '拒绝受理',
    description: '被指派的调解员拒绝受理，案件回到待指派。',
    reply: noContent(),
    body: { type: ReasonDto, example: EXAMPLES.reason },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, CaseCode.NotAssignedToYou],
    },
  })
  @Post(':id/decline')
  @HttpCode(204)
  @Access('mediator')
  decline(@VersionedWrite() write: VersionedWrite, @Body() body: ReasonDto): Promise<void> {
    return this.assignments.release(write, 'decline', body);
  }

  @ApiDoc({
    summary: '申请回避',
    description: '调解员因利害关系回避，案件回到待指派。',
    reply: noContent(),
    body: { type: ReasonDto, example: EXAMPLES.reason },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, CaseCode.NotAssignedToYou],
    },
  })
  @Post(':id/recuse')
  @HttpCode(204)
  @Access('mediator')
  recuse(@VersionedWrite() write: VersionedWrite, @Body() body: ReasonDto): Promise<void> {
    return this.assignments.release(write, 'recuse', body);
  }
}
