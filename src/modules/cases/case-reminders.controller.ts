import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import {
  Ctx,
  CurrentUser,
  type AuthUser,
  type RequestContext,
} from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { ReminderView, SmsPreferencesDto } from '../reminders/dto/reminder.dto.js';
import { CaseRemindersService } from './case-reminders.service.js';

@ApiTags('reminders')
@Controller()
export class CaseRemindersController {
  constructor(private readonly reminders: CaseRemindersService) {}

  @Get('cases/:id/reminders')
  @Access('clerk', 'mediator', 'supervisor')
  @ApiOkResponse({
    type: [ReminderView],
    description: 'scheduled, sent, failed, cancelled, skipped',
  })
  list(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
  ): Promise<ReminderView[]> {
    return this.reminders.list(ctx, user, id);
  }

  @Put('parties/:id/sms-preferences')
  @HttpCode(204)
  @Access('clerk', 'mediator')
  @ApiNoContentResponse()
  setSmsPreferences(
    @Ctx() ctx: RequestContext,
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: SmsPreferencesDto,
  ): Promise<void> {
    return this.reminders.setSmsPreferences(ctx, user, id, body);
  }
}
