import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import {
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  REMINDER_STATUSES,
  RECIPIENT_TYPES,
} from '../reminder-kinds.js';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only unread ones' })
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
  @ApiProperty({ description: 'all unread notifications of the caller' }) unreadCount: number;
}

export class UnreadCountView {
  @ApiProperty() unreadCount: number;
}

export class ReminderView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty({ enum: RECIPIENT_TYPES }) recipientType: string;
  @ApiProperty({ description: 'a user name, a masked party name and phone, or the court' })
  recipient: string;
  @ApiProperty({ enum: REMINDER_CHANNELS }) channel: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ enum: REMINDER_STATUSES }) status: string;
  @ApiProperty() version: number;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'sent − due, milliseconds' })
  latenessMs: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
}

export class SmsPreferencesDto {
  @ApiPropertyOptional({ description: 'the party wants no SMS reminders' })
  @IsOptional()
  @IsBoolean()
  smsOptOut?: boolean;

  @ApiPropertyOptional({
    description:
      'for a party with DV indicators: allow SMS that name the place (assigned mediator only)',
  })
  @IsOptional()
  @IsBoolean()
  smsDetailsAllowed?: boolean;
}
