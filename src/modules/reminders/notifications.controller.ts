import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../common/context/request-context.js';
import { UuidPipe } from '../../common/validation/uuid.pipe.js';
import { NotificationPage, NotificationsQuery, UnreadCountView } from './dto/reminder.dto.js';
import { NotificationsService } from './notifications.service.js';

/** The caller's in-app reminders. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access('any')
  @ApiOkResponse({ type: NotificationPage })
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(user.id, q);
  }

  @Get('unread-count')
  @Access('any')
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return { unreadCount: await this.notifications.unreadCount(user.id) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @Access('any')
  @ApiNoContentResponse()
  markRead(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.notifications.markRead(user.id, id);
  }
}
