import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { CaseAssignmentService } from './case-assignment.service.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseVersion, IfMatchHeader } from './case-writer.js';
import { AssignDto, ExtensionDto, SuggestionView } from './dto/assignment.dto.js';
import { ReasonDto, VersionedDto } from './dto/case-writes.dto.js';

/** Assignment, the mediator's answer, and the legal clock. */
@ApiTags('cases')
@Controller('cases')
export class CaseAssignmentController {
  constructor(
    private readonly assignments: CaseAssignmentService,
    private readonly clock: CaseClockService,
  ) {}

  @Get(':id/mediator-suggestions')
  @Access('clerk', 'supervisor')
  @ApiOkResponse({
    type: [SuggestionView],
    description: 'eligible mediators best first, then the ineligible with the reason',
  })
  suggestions(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<SuggestionView[]> {
    return this.assignments.suggestions(ctx, user, id);
  }

  @Post(':id/assignment')
  @HttpCode(204)
  @Access('clerk', 'supervisor')
  @IfMatchHeader()
  @ApiNoContentResponse({
    description:
      'assigned (or reassigned); an ineligible mediator is 409 ASSIGNMENT.MEDIATOR_NOT_ELIGIBLE',
  })
  assign(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: AssignDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.assignments.assign(ctx, user, id, version, body);
  }

  @Post(':id/accept')
  @HttpCode(204)
  @Access('mediator')
  @IfMatchHeader()
  @ApiNoContentResponse({ description: 'in mediation; the legal clock starts' })
  accept(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: VersionedDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.assignments.accept(ctx, user, id, version);
  }

  @Post(':id/decline')
  @HttpCode(204)
  @Access('mediator')
  @IfMatchHeader()
  decline(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReasonDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.assignments.release(ctx, user, id, version, 'decline', body);
  }

  @Post(':id/recuse')
  @HttpCode(204)
  @Access('mediator')
  @IfMatchHeader()
  recuse(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReasonDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.assignments.release(ctx, user, id, version, 'recuse', body);
  }

  @Post(':id/extensions')
  @HttpCode(204)
  @Access('mediator')
  @IfMatchHeader()
  @ApiNoContentResponse({
    description: "extended; without both parties' consent 409 CASE.EXTENSION_NEEDS_CONSENT",
  })
  extend(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ExtensionDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.clock.extend(ctx, user, id, version, body);
  }
}
