import { ApiProperty } from '@nestjs/swagger';
import type { TimelineEntry } from '../case-timeline.js';
import { REVEAL_FIELDS, type RevealField } from '../intake/dto/reveal.dto.js';

export class TimelineEntryView implements TimelineEntry {
  @ApiProperty({ format: 'date-time', example: '2026-11-03T01:12:00.000Z' })
  at: string;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: '操作人的姓名；系统操作为 null',
    example: '张某某',
  })
  actor: string | null;

  @ApiProperty({ type: 'string', nullable: true, example: 'mediator' })
  role: string | null;

  @ApiProperty({ description: '审计动作', example: 'case.accepted' })
  action: string;

  @ApiProperty({
    description: '一行说明（Asia/Shanghai 时间），按 Accept-Language 用中文（默认）或英文书写',
    example: '2026-11-03 09:12 张某某（调解员）接收了案件，调解期限开始计算',
  })
  text: string;
}

export class RevealView {
  @ApiProperty({ enum: REVEAL_FIELDS })
  field: RevealField;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description: '完整值；当事人未登记该项时为 null',
    example: '13812345678',
  })
  value: string | null;
}
