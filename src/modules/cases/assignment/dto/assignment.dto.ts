import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { VersionedDto } from '../../dto/case-writes.dto.js';

export class AssignDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mediatorId: string;

  @ApiPropertyOptional({ description: '选择该调解员或改派的原因' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class SuggestionView {
  @ApiProperty({ format: 'uuid' }) mediatorId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() title: string;
  @ApiProperty() eligible: boolean;
  @ApiProperty() score: number;
  @ApiProperty({
    type: [String],
    description: '排在此处的原因，或不可指派的原因；按 Accept-Language 以中文（默认）或英文书写',
    example: ['负责本案所在的村（社区）', '擅长调解离婚纠纷', '在办案件 3 件，上限 10 件'],
  })
  reasons: string[];
}
