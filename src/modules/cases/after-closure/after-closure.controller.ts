import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import { CaseCode } from '../cases.codes.js';
import { AfterClosureCode } from './after-closure.codes.js';
import { AfterClosureService } from './after-closure.service.js';
import { VersionedWrite } from '../case-writer.js';
import {
  CourtFilingDto,
  FollowUpDto,
  JudicialConfirmationDto,
  RegistryDivorceDto,
} from './dto/after-closure.dto.js';
import { ApiDoc, noContent } from '../../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../../common/openapi/examples.js';

/**
 * The after-closure tracks: court filing, judicial confirmation, registry divorce, follow-ups.
 * Their operation ids are the contract's from when CaseOutcomeController served them.
 */
@ApiTags('cases')
@Controller('cases')
export class AfterClosureController {
  constructor(private readonly afterClosure: AfterClosureService) {}

  @ApiDoc({
    operationId: 'CaseOutcome_courtFiling',
    summary: '登记立案',
    description:
      '未调解成功的案件转入诉讼后，登记法院的立案案号与日期。立案日期（按北京时间的日历日）不能晚于今天，否则 400，字段 filedAt 的代码为 DATE.IN_FUTURE；不写入任何内容。',
    reply: noContent(),
    body: { type: CourtFilingDto, example: EXAMPLES.courtFiling },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, AfterClosureCode.CaseWrongRoute],
    },
  })
  @Post(':id/court-filing')
  @HttpCode(204)
  @Access('clerk')
  courtFiling(
    @VersionedWrite() write: VersionedWrite,
    @Body() body: CourtFilingDto,
  ): Promise<void> {
    return this.afterClosure.courtFiling(write, body);
  }

  @ApiDoc({
    operationId: 'CaseOutcome_judicialConfirmation',
    summary: '登记司法确认',
    description:
      '登记调解协议的司法确认申请、受理与裁定结果。每次提交完整记录（appliedAt 必填）。以下情形为 400 并指明字段，不写入任何内容：' +
      '日期（按北京时间的日历日）晚于今天：DATE.IN_FUTURE；有裁定日期 decidedAt 而无受理日期：字段 acceptedAt，VALIDATION.IS_DEFINED；' +
      '有裁定结果 result 而无裁定日期：字段 decidedAt，VALIDATION.IS_DEFINED；申请、受理、裁定的时间不依次先后：JUDICIAL_CONFIRMATION.DATES_ORDER，字段为次序错误的较晚一项。',
    reply: noContent(),
    body: { type: JudicialConfirmationDto, example: EXAMPLES.judicialConfirmation },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, AfterClosureCode.CaseWrongRoute],
    },
  })
  @Post(':id/judicial-confirmation')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  judicialConfirmation(
    @VersionedWrite() write: VersionedWrite,
    @Body() body: JudicialConfirmationDto,
  ): Promise<void> {
    return this.afterClosure.judicialConfirmation(write, body);
  }

  @ApiDoc({
    operationId: 'CaseOutcome_registryDivorce',
    summary: '登记协议离婚',
    description:
      '登记当事人到婚姻登记机关申请协议离婚及领证的日期。领证日期须在离婚冷静期（申请后 30 日）届满之后、申请后 60 日之内，否则 400，字段 certificateAt 的代码为 REGISTRY.IN_COOLING_OFF 或 REGISTRY.AFTER_DUE。',
    reply: noContent(),
    body: { type: RegistryDivorceDto, example: EXAMPLES.registryDivorce },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, AfterClosureCode.CaseWrongRoute],
    },
  })
  @Post(':id/registry-divorce')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  registryDivorce(
    @VersionedWrite() write: VersionedWrite,
    @Body() body: RegistryDivorceDto,
  ): Promise<void> {
    return this.afterClosure.registryDivorce(write, body);
  }

  @ApiDoc({
    operationId: 'CaseOutcome_followUp',
    summary: '回访',
    description: '安排或记录结案后的回访（履行情况、满意度、风险迹象）。',
    reply: noContent(),
    body: { type: FollowUpDto, example: EXAMPLES.followUp },
    errors: {
      404: [CaseCode.NotFound],
      409: [CaseCode.VersionConflict, CaseCode.InvalidTransition, CaseCode.NotAssignedToYou],
    },
  })
  @Post(':id/follow-ups')
  @HttpCode(204)
  @Access('mediator')
  followUp(@VersionedWrite() write: VersionedWrite, @Body() body: FollowUpDto): Promise<void> {
    return this.afterClosure.followUp(write, body);
  }
}
