import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES } from '../case-status.js';

/** Which of this case's parties the related case shares (as the detail shows them). */
export class FamilySharedPartyView {
  @ApiProperty({ format: 'uuid', description: '本案中的当事人' }) partyId: string;
  @ApiProperty({ description: '在本案中的身份', example: 'applicant' }) role: string;
  @ApiProperty({ description: '姓名（与案件详情所示相同）', example: '张某某' }) name: string;
  @ApiProperty({ description: '脱敏的身份证号', example: '370281********0244' }) idNumber: string;
  @ApiProperty({ description: '在那件案件中的身份', example: 'respondent' }) roleThere: string;
}

/**
 * One record of the family timeline. Only `kind: 'case'` today; later kinds (`sentinel_report`,
 * `screening_visit`) will carry `kind`, `at` and `earlier` and fields of their own.
 */
export class FamilyItemView {
  @ApiProperty({
    enum: ['case'],
    description: '记录的种类；今后可能增加其他种类，客户端应忽略不认识的种类',
  })
  kind: 'case';
  @ApiProperty({ format: 'date-time', description: '记录的时间（案件为收案时间），排序依据' })
  at: string;
  @ApiProperty({ description: '早于本案（收案时间在本案之前）' }) earlier: boolean;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: '（2026）鲁0281民诉前调3号' }) caseNumber: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty() disputeType: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) result: string | null;
  @ApiProperty({ type: [FamilySharedPartyView], description: '与本案共同的当事人（按身份证号）' })
  shared: FamilySharedPartyView[];
}

export class FamilyView {
  @ApiProperty({ description: '调用者可见的、收案早于本案的记录数' }) earlierRecords: number;
  @ApiProperty({
    type: [FamilyItemView],
    description: '同一当事人（按身份证号）的其他记录，仅限调用者可见的，最新的在前；最多 100 条',
  })
  items: FamilyItemView[];
}

export class FamilySummaryView {
  @ApiProperty({ description: '调用者可见的、收案早于本案的同一家庭的记录数' })
  earlierRecords: number;
}
