import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DOCUMENT_TYPES, type DocumentType } from '../document-types.js';

export class IssueDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  type: DocumentType;

  @ApiPropertyOptional({ format: 'uuid', description: 'session_record：已记录的会次' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'rights_notice：送达的当事人',
  })
  @IsOptional()
  @IsUUID()
  partyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'follow_up_record：已记录的回访' })
  @IsOptional()
  @IsUUID()
  followUpId?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'mediation_agreement only: a 草稿 (marked on every page) for the parties to read before the outcome is approved',
  })
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}

export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: string;
  @ApiProperty({ example: '调解协议书' }) title: string;
  @ApiProperty({ description: '按案件、类型与对象编号 1、2、…' }) version: number;
  @ApiProperty({ enum: ['case', 'party', 'session', 'extension', 'follow_up'] })
  subjectKind: string;
  @ApiProperty({
    format: 'uuid',
    description: '当事人、会次、延期或回访的编号；否则为案件编号',
  })
  subjectId: string;
  @ApiProperty() pages: number;
  @ApiProperty({ description: 'PDF 的字节数' }) bytes: number;
  @ApiProperty({ description: 'PDF 的 SHA-256（十六进制）' }) sha256: string;
  @ApiProperty({ format: 'uuid' }) issuedBy: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: '已有更新的版本',
  })
  supersededAt: string | null;
  @ApiProperty({ description: 'a 草稿 issued before the outcome was approved' }) draft: boolean;
  @ApiPropertyOptional({
    type: Object,
    description: '生成文书所用的数据（已脱敏）；仅单个读取时返回',
  })
  data?: object;
}
