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
import { CaseOutcomeService } from './case-outcome.service.js';
import { CaseVersion, IfMatchHeader } from '../case-writer.js';
import {
  CourtFilingDto,
  FollowUpDto,
  JudicialConfirmationDto,
  OutcomeDto,
  RegistryDivorceDto,
  ReviewDto,
} from './dto/outcome.dto.js';
import { ApiDoc, noContent } from '../../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../../common/openapi/examples.js';

/** Outcome, review and the after-closure tracks. */
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
      404: ['CASE.NOT_FOUND'],
      409: ['CASE.VERSION_CONFLICT', 'CASE.INVALID_TRANSITION', 'CASE.NOT_ASSIGNED_TO_YOU'],
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
    errors: { 404: ['CASE.NOT_FOUND'], 409: ['CASE.VERSION_CONFLICT', 'CASE.INVALID_TRANSITION'] },
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

  @ApiDoc({
    summary: '登记立案',
    description: '未调解成功的案件转入诉讼后，登记法院的立案案号与日期。',
    reply: noContent(),
    body: { type: CourtFilingDto, example: EXAMPLES.courtFiling },
    errors: {
      404: ['CASE.NOT_FOUND'],
      409: ['CASE.VERSION_CONFLICT', 'CASE.INVALID_TRANSITION', 'CASE.WRONG_ROUTE'],
    },
  })
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

  @ApiDoc({
    summary: '登记司法确认',
    description: '登记调解协议的司法确认申请、受理与裁定结果。',
    reply: noContent(),
    body: { type: JudicialConfirmationDto, example: EXAMPLES.judicialConfirmation },
    errors: {
      404: ['CASE.NOT_FOUND'],
      409: ['CASE.VERSION_CONFLICT', 'CASE.INVALID_TRANSITION', 'CASE.WRONG_ROUTE'],
    },
  })
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

  @ApiDoc({
    summary: '登记协议离婚',
    description: '登记当事人到婚姻登记机关申请协议离婚及领证的日期。',
    reply: noContent(),
    body: { type: RegistryDivorceDto, example: EXAMPLES.registryDivorce },
    errors: {
      404: ['CASE.NOT_FOUND'],
      409: ['CASE.VERSION_CONFLICT', 'CASE.INVALID_TRANSITION', 'CASE.WRONG_ROUTE'],
    },
  })
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

  @ApiDoc({
    summary: '回访',
    description: '安排或记录结案后的回访（履行情况、满意度、风险迹象）。',
    reply: noContent(),
    body: { type: FollowUpDto, example: EXAMPLES.followUp },
    errors: {
      404: ['CASE.NOT_FOUND'],
      409: ['CASE.VERSION_CONFLICT', 'CASE.INVALID_TRANSITION', 'CASE.NOT_ASSIGNED_TO_YOU'],
    },
  })
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
