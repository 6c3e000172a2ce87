import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import { IsOmittable } from '../../../common/validation/decorators.js';
import {
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  REMINDER_STATUSES,
  RECIPIENT_TYPES,
} from '../reminder-catalogue.js';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '只看未读' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: '调用者的全部未读通知' }) unreadCount: number;
}

export class UnreadCountView {
  @ApiProperty() unreadCount: number;
}

export class ReminderView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty({ enum: RECIPIENT_TYPES }) recipientType: string;
  @ApiProperty({ description: '用户名、脱敏的当事人姓名与电话，或法院' })
  recipient: string;
  @ApiProperty({ enum: REMINDER_CHANNELS }) channel: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: REMINDER_STATUSES }) status: string;
  @ApiProperty() version: number;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '实际发送时间减应发送时间（毫秒）' })
  latenessMs: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
}

export class SmsPreferencesDto {
  @ApiPropertyOptional({ description: '当事人不接收短信提醒' })
  @IsOmittable()
  @IsBoolean()
  smsOptOut?: boolean;

  @ApiPropertyOptional({
    description: '对有家暴迹象的当事人：允许短信写明地点（仅限被指派的调解员设置）',
  })
  @IsOmittable()
  @IsBoolean()
  smsDetailsAllowed?: boolean;
}
