import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../../common/context/request-context.js';
import { ApiDoc, ok } from '../../../common/openapi/api-docs.js';
import { AgendaService } from './agenda.service.js';
import { AgendaView } from './dto/agenda.view.js';

/** The signed-in mediator's own day. */
@ApiTags('sessions')
@Controller('me')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @ApiDoc({
    summary: '我的今日日程',
    description:
      '调解员本人今天（北京时间）的会次和 7 天内到期或已逾期的回访，各附案件摘要；只含当前指派给她的案件。',
    reply: ok(AgendaView),
  })
  @Get('agenda')
  @Access('mediator')
  today(@CurrentUser() user: AuthUser): Promise<AgendaView> {
    return this.agenda.today(user);
  }
}
