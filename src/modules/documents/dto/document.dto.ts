import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { DOCUMENT_TYPES, type DocumentType } from '../document-types.js';

export class IssueDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  type: DocumentType;

  @ApiPropertyOptional({ format: 'uuid', description: 'session_record: the recorded session' })
  @IsOptional()
  @IsUUID()
  sessionId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'rights_notice: the party it is addressed to',
  })
  @IsOptional()
  @IsUUID()
  partyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'follow_up_record: the recorded visit' })
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
  @ApiProperty({ description: '1, 2, … per case, type and subject' }) version: number;
  @ApiProperty({ enum: ['case', 'party', 'session', 'extension', 'follow_up'] })
  subjectKind: string;
  @ApiProperty({
    format: 'uuid',
    description: 'the party, session, extension or follow-up; the case id otherwise',
  })
  subjectId: string;
  @ApiProperty() pages: number;
  @ApiProperty({ description: 'size of the PDF in bytes' }) bytes: number;
  @ApiProperty({ description: 'hex SHA-256 of the PDF' }) sha256: string;
  @ApiProperty({ format: 'uuid' }) issuedBy: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'a newer version exists',
  })
  supersededAt: string | null;
  @ApiProperty({ description: 'a 草稿 issued before the outcome was approved' }) draft: boolean;
  @ApiPropertyOptional({
    type: Object,
    description: 'the data it was rendered from (masked); single reads only',
  })
  data?: object;
}
