import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.js';
import type { JsonObject } from '../../../common/json.js';
import type { AuditEvent } from '../audit-event.entity.js';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  entityType?: string;

  @ApiPropertyOptional({ example: 'auth.login_failed' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class AuditEventView {
  @ApiProperty()
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ nullable: true, type: String })
  actorId: string | null;

  @ApiProperty({ nullable: true, type: String })
  actorRole: string | null;

  @ApiProperty()
  action: string;

  @ApiProperty()
  entityType: string;

  @ApiProperty({ nullable: true, type: String })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: String })
  caseId: string | null;

  @ApiProperty({ nullable: true, type: Object, description: '变更前的快照（已脱敏）' })
  before: JsonObject | null;

  @ApiProperty({ nullable: true, type: Object, description: '变更后的快照（已脱敏）' })
  after: JsonObject | null;

  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;

  @ApiProperty()
  hash: string;

  static of(e: AuditEvent): AuditEventView {
    return {
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      actorId: e.actorId,
      actorRole: e.actorRole,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      caseId: e.caseId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
      hash: e.hash,
    };
  }
}
