import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { NotificationPage, NotificationsQuery, UnreadCountView } from './dto/reminder.dto.js';
import { NotificationsService } from './notifications.service.js';
import { ApiDoc, ok, noContent } from '../../common/openapi/api-docs.js';
import { ReminderCode } from './reminders.codes.js';

/** The caller's in-app reminders. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiDoc({
    summary: '站内通知',
    description: '调用者的站内通知，新的在前，可只看未读。',
    reply: ok(NotificationPage),
  })
  @Get()
  @Access('any')
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(user.id, q);
  }

  @ApiDoc({
    summary: '未读通知数',
    description: '调用者的未读站内通知数。',
    reply: ok(UnreadCountView),
  })
  @Get('unread-count')
  @Access('any')
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return { unreadCount: await this.notifications.unreadCount(user.id) };
  }

  @ApiDoc({
    summary: '标为已读',
    description: '将一条站内通知标为已读。',
    reply: noContent('已标为已读'),
    errors: { 404: [ReminderCode.NotificationNotFound] },
  })
  @Post(':id/read')
  @HttpCode(204)
  @Access('any')
  markRead(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }
}
