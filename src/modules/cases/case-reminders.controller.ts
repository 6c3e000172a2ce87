import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { type Actor, Caller } from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { ReminderView, SmsPreferencesDto } from '../reminders/dto/reminder.dto.js';
import { CaseRemindersService } from './case-reminders.service.js';
import { ApiDoc, okList, noContent } from '../../common/openapi/api-docs.js';
import { EXAMPLES } from '../../common/openapi/examples.js';
import { CaseCode } from './cases.codes.js';
import { IntakeCode } from './intake/intake.codes.js';

@ApiTags('reminders')
@Controller()
export class CaseRemindersController {
  constructor(private readonly reminders: CaseRemindersService) {}

  @ApiDoc({
    summary: '案件提醒',
    description: '案件的全部提醒：已安排、已发送、失败、已取消、已跳过。',
    reply: okList(ReminderView),
    errors: { 404: [CaseCode.NotFound] },
  })
  @Get('cases/:id/reminders')
  @Access('clerk', 'mediator', 'supervisor')
  list(@Caller() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ReminderView[]> {
    return this.reminders.list(actor, id);
  }

  @ApiDoc({
    summary: '当事人短信偏好',
    description: '设置当事人是否接收短信，以及短信中能否包含案件细节。',
    reply: noContent('已保存'),
    body: { type: SmsPreferencesDto, example: EXAMPLES.smsPreferences },
    errors: { 404: [IntakeCode.PartyNotFound] },
  })
  @Put('parties/:id/sms-preferences')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  setSmsPreferences(
    @Caller() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: SmsPreferencesDto,
  ): Promise<void> {
    return this.reminders.setSmsPreferences(actor, id, body);
  }
}
