import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import { CaseClockService } from './case-clock.service.js';
import { VersionedWrite } from '../case-writer.js';
import { CaseCode } from '../cases.codes.js';
import { ClockCode } from './clock.codes.js';
import { ExtensionDto } from './dto/extension.dto.js';
import { ApiDoc, noContent } from '../../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../../common/openapi/examples.js';

/**
 * The legal clock: extending the period with both parties' consent. The operation id is the
 * contract's from when CaseAssignmentController served it.
 */
@ApiTags('cases')
@Controller('cases')
export class CaseClockController {
  constructor(private readonly clock: CaseClockService) {}

  @ApiDoc({
    operationId: 'CaseAssignment_extend',
    summary: '延长调解期限',
    description:
      '经双方当事人同意延长调解期限；缺少任何一方同意为 409 CASE.EXTENSION_NEEDS_CONSENT，超过上限为 409 CASE.EXTENSION_OVER_CAP。',
    reply: noContent(),
    body: { type: ExtensionDto, example: EXAMPLES.extension },
    errors: {
      404: [CaseCode.NotFound],
      409: [
        CaseCode.VersionConflict,
        CaseCode.InvalidTransition,
        CaseCode.NotAssignedToYou,
        ClockCode.CaseExtensionNeedsConsent,
        ClockCode.CaseExtensionOverCap,
      ],
    },
  })
  @Post(':id/extensions')
  @HttpCode(204)
  @Access('mediator')
  extend(@VersionedWrite() write: VersionedWrite, @Body() body: ExtensionDto): Promise<void> {
    return this.clock.extend(write, body);
  }
}
