import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import { CaseCode } from '../cases.codes.js';
import { CaseOutcomeService } from './case-outcome.service.js';
import { VersionedWrite } from '../case-writer.js';
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
  submit(@VersionedWrite() write: VersionedWrite, @Body() body: OutcomeDto): Promise<void> {
    return this.outcomes.submit(write, body);
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
  review(@VersionedWrite() write: VersionedWrite, @Body() body: ReviewDto): Promise<void> {
    return this.outcomes.review(write, body);
  }
}
