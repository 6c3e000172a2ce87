import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../../common/context/request-context.js';
import { UuidPipe } from '../../../common/validation/uuid.pipe.js';
import { CaseCode } from '../cases.codes.js';
import { CaseOutcomeService } from './case-outcome.service.js';
import { CaseVersion, IfMatchHeader } from '../case-writer.js';
import { OutcomeDto, ReviewDto } from './dto/outcome.dto.js';
import { ApiDoc, noContent } from '../../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../../common/openapi/examples.js';

/** The outcome and its review. */
@ApiTags('cases')
@Controller('cases')
export class CaseOutcomeController {
  constructor(private readonly outcomes: CaseOutcomeService) {}

  @ApiDoc({
    summary: '提交调解结果',
    description:
      '调解员提交调解结果及协议内容，等待督导审核；法律不允许的处理途径或有缺陷的协议为 400，并指明字段。',
    reply: noContent(),
    body: { type: OutcomeDto, example: EXAMPLES.outcome },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, CaseCode.NotAssignedToYou],
    },
  })
  @Post(':id/outcome')
  @HttpCode(204)
  @Access('mediator')
  @IfMatchHeader()
  submit(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: OutcomeDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.submit(ctx, user, id, version, body);
  }

  @ApiDoc({
    summary: '审核调解结果',
    description: '督导审核：approve 即结案（并安排回访），return 则退回调解员并附意见。',
    reply: noContent(),
    body: { type: ReviewDto, example: EXAMPLES.review },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition],
    },
  })
  @Post(':id/review')
  @HttpCode(204)
  @Access('supervisor')
  @IfMatchHeader()
  review(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReviewDto,
    @CaseVersion() version: number,
  ): Promise<void> {
    return this.outcomes.review(ctx, user, id, version, body);
  }
}
