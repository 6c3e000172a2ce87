import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** Which sensitive field of a party to show in full, and why (audited). */
export const REVEAL_FIELDS = ['idNumber', 'phone', 'address'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export class RevealDto {
  @ApiProperty({ enum: REVEAL_FIELDS })
  @IsIn(REVEAL_FIELDS)
  field: RevealField;

  @ApiProperty({
    description: '需要完整值的理由；记入审计日志',
    example: '电话通知当事人调解时间',
  })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  reason: string;
}
