import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import { type Actor, Caller } from '../../../common/context/request-context.js';
import { UuidPipe } from '../../../common/validation/uuid.pipe.js';
import { RevealDto } from './dto/reveal.dto.js';
import { IntakeCode } from './intake.codes.js';
import { PartiesService } from './parties.service.js';
import { ApiDoc, ok } from '../../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../../common/openapi/examples.js';
import { RevealView } from '../dto/timeline.view.js';

@ApiTags('cases')
@Controller('parties')
export class PartiesController {
  constructor(private readonly parties: PartiesService) {}

  @ApiDoc({
    summary: '查看当事人完整信息',
    description: '返回当事人完整的身份证号、电话或住址；必须说明理由，理由与查看记入审计日志。',
    reply: ok(RevealView),
    body: { type: RevealDto, example: EXAMPLES.reveal },
    errors: { 404: [IntakeCode.PartyNotFound] },
  })
  @Post(':id/reveal')
  @HttpCode(200)
  @Access('clerk', 'mediator')
  reveal(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: RevealDto,
  ): Promise<{ field: string; value: string | null }> {
    return this.parties.reveal(actor, id, body);
  }
}
