import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** Every case write carries the version it was based on (or sends it as If-Match). */
export class VersionedDto {
  @ApiPropertyOptional({ description: '本次修改所依据的案件版本号；也可用 If-Match 请求头' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class UpdateCaseDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  claims?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  courtReference?: string;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty({ example: '申请人撤回调解申请，拟直接诉讼' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class SearchCasesDto {
  @ApiPropertyOptional({
    description: '完整的 18 位身份证号（精确匹配）',
    example: '370281199007153629',
  })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  idNumber?: string;

  @ApiPropertyOptional({ description: '完整的手机号（精确匹配）', example: '13812345678' })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  phone?: string;
}
