import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { CaseOutcomeService } from './case-outcome.service.js';
import { CaseVersion, IfMatchHeader } from './case-writer.js';
import {
  CourtFilingDto,
  FollowUpDto,
  JudicialConfirmationDto,
  OutcomeDto,
  RegistryDivorceDto,
  ReviewDto,
} from './dto/outcome.dto.js';

/** Outcome, review and the after-closure tracks. */
@ApiTags('cases')
@Controller('cases')
export class CaseOutcomeController {
  constructor(private readonly outcomes: CaseOutcomeService) {}

  @Post(':id/outcome')
  @HttpCode(204)
  @Access('mediator')
  @IfMatchHeader()
  @ApiNoContentResponse({
    description:
      'pending review; a route the law does not allow, or a flawed agreement, is 400 naming the field',
  })
  submit(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: OutcomeDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.submit(ctx, user, id, version, body);
  }

  @Post(':id/review')
  @HttpCode(204)
  @Access('supervisor')
  @IfMatchHeader()
  @ApiNoContentResponse({
    description: 'approve → closed (follow-ups scheduled); return → in mediation with the comment',
  })
  review(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReviewDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.review(ctx, user, id, version, body);
  }

  @Post(':id/court-filing')
  @HttpCode(204)
  @Access('clerk')
  @IfMatchHeader()
  courtFiling(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: CourtFilingDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.courtFiling(ctx, user, id, version, body);
  }

  @Post(':id/judicial-confirmation')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  @IfMatchHeader()
  judicialConfirmation(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: JudicialConfirmationDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.judicialConfirmation(ctx, user, id, version, body);
  }

  @Post(':id/registry-divorce')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  @IfMatchHeader()
  registryDivorce(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: RegistryDivorceDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.registryDivorce(ctx, user, id, version, body);
  }

  @Post(':id/follow-ups')
  @HttpCode(204)
  @Access('mediator')
  @IfMatchHeader()
  followUp(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: FollowUpDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.followUp(ctx, user, id, version, body);
  }
}
